"""Messages that only ask after the person a conversation waits for ("anyone
there?", "still waiting"). While a handed-off conversation sits in the queue, such
a message gets the router's "a person is on the way" answer, never a guess at a
topic: routing reads "still waiting" as a project's paperwork, for example."""

from __future__ import annotations

import re

from atende_guardrails.text import fold

# A longer message carries a question of its own; the agent answers that.
_MAX_WORDS = 12
# Words a message may hold besides its asking after the person ("bom dia, ainda to
# esperando o atendente"); any other word makes it a question for an agent
# ("ainda to esperando o boleto").
_FILLER = frozenset("""
    oi ola ei e eae opa bom boa dia tarde noite pessoal gente galera moco moca amigo amiga por favor pf pfv plis
    ai ae aqui ainda ja so ne hein entao e o a os as um uma de do da no na com pra para me mim eu que q
    voces vcs vc voce alguem atendente atendentes atendimento pessoa humano humana moca responder resposta
    fila falar conversa agora ate tempo muito mais faz tem minutos minuto min horas hora meia
    hi hey hello there please anyone anybody someone somebody an a the agent person human here still i am im
    waiting wait on hold queue in for to you guys it take answer reply respond
""".split())
_WORD = re.compile(r"[a-z]+")

_ASKING_AFTER_THE_PERSON = re.compile(
    r"""
    \b(?:
        alo+ | oi+\s*\?+ | ola+\s*\?+
      | (?:tem|ha|tinha|existe)\s+(?:alguem|algm|alguem\s+ai|ngm|ninguem)
      | alguem\s+(?:ai|ae|aqui|ta\s+ai|esta\s+ai|me\s+(?:atende|responde|ouve))
      | ninguem\s+(?:me\s+)?(?:responde|atende|aparece|fala)
      | ngm\s+(?:me\s+)?(?:responde|atende)
      | cade\s+(?:o|a|os|as|voces|vcs|vc|alguem|o\s+atendente|a\s+pessoa|o\s+humano)
      | (?:ainda|continuo|sigo|to|tou|estou)\s+(?:\w+\s+)?(?:esperando|aguardando|na\s+fila)
      | esperando\s+(?:ainda|ate\s+agora|faz|ha|tem)
      | (?:vai|vao|vcs\s+vao|voces\s+vao)\s+demorar
      | demora(?:ndo)?\s+(?:muito|mais|demais|tanto)
      | quanto\s+tempo\s+(?:falta|mais|vai|ainda|demora)
      | quando\s+(?:vao|vai|alguem\s+vai|voces\s+vao|vcs\s+vao)\s+me\s+(?:atender|responder|chamar)
      | any(?:one|body)\s+(?:there|here|around|available)
      | (?:is|are)\s+(?:anyone|anybody|someone|somebody|you)\s+(?:there|here|around)
      | hello+\s*\?+ | hi+\s*\?+
      | still\s+(?:waiting|here|on\s+hold|in\s+(?:the\s+)?queue)
      | how\s+(?:long|much\s+longer)\s+(?:will|do|should|must|until)
      | when\s+(?:will|is|does)\s+(?:someone|somebody|a\s+person|an\s+agent|the\s+agent)
    )
    """,
    re.VERBOSE,
)


def asks_after_the_person(text: str) -> bool:
    """True for a short message that only asks whether, or when, somebody answers."""
    folded = fold(text)
    if len(folded.split()) > _MAX_WORDS or _ASKING_AFTER_THE_PERSON.search(folded) is None:
        return False
    rest = _ASKING_AFTER_THE_PERSON.sub(" ", folded)
    return all(word in _FILLER for word in _WORD.findall(rest))
