"""What grounding compares: the figures of a text, its content-word stems, and
whether a sentence makes a claim about the world at all."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from atende_guardrails.normalize import normalize
from atende_guardrails.pii import redact

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def normalize_number(raw: str) -> str:
    """"18.500,00" -> "18500", "2,5" -> "2.5", "1,234.5" -> "1234.5"."""
    value = re.sub(r"[.,](?=\d{3}(?:\D|$))", "", raw)
    value = value.replace(",", ".")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value.lstrip("0") or "0"


_CITATION = re.compile(r"\[\d{1,2}\]")


def numbers_in(text: str) -> set[str]:
    """The numbers of a text, normalized; citation markers ("[1]") are not numbers."""
    return {normalize_number(m.group(0)) for m in _NUMBER.finditer(_CITATION.sub(" ", text))}


@functools.lru_cache(maxsize=2048)
def figures(sentence: str) -> frozenset[str]:
    """The figures a sentence states about the world: its numbers, without those that
    are personal data (a CPF or a phone is pii_redaction's business, not a claim)."""
    if not _NUMBER.search(sentence):
        return frozenset()
    return frozenset(numbers_in(redact(sentence)[0]))


_STOPWORDS = frozenset(
    """a o os as um uma uns umas de do da dos das em no na nos nas por pelo pela pelos pelas para pra com sem sob sobre
    e ou mas que se nao sim ja mais menos muito muita muitos muitas ate entre como quando onde qual quais quanto quanta
    este esta estes estas esse essa esses essas isso isto aquele aquela seu sua seus suas meu minha nosso nossa nossos nossas
    voce voces ele ela eles elas eu nos lhe lhes me te ao aos a e é ser sao foi era sera tem ter temos tenho ha havia pode
    podem deve devem segundo conforme tambem ainda so apenas cada todo toda todos todas outro outra the an of in on at to for
    with without by from and or but not no yes is are was were be been being it its this that these those there here our
    your their his her my we you they he she i as also just only each all any some other than then so such can could may
    might will would should must has have had do does did according documentation documentacao catalogo catalogue
    knowledge base""".split()
)
WORD = re.compile(r"[^\W\d_]{3,}")

_NOT_CLAIM = re.compile(
    r"^\W*(?:ola|oi|bom dia|boa tarde|boa noite|hello|hi|hey|good (?:morning|afternoon|evening)|obrigad|thank|thanks|"
    r"desculp|sorry|lamento|sinto muito|i apologi[sz]e|perdao|claro|certo|entendi|perfeito|otimo|great|sure|of course|"
    r"got it|understood|ok|okay|posso|podemos|poderia|pode me|can i|i can|we can|i could|we could|would you|gostaria|"
    r"quer que|deseja|do you want|do you need|let me|deixe me|deixa eu|vou (?:encaminhar|chamar|verificar|passar|transferir|"
    r"pedir|anotar|registrar|confirmar)|i will (?:forward|check|connect|transfer|hand|ask|note|confirm)|i ll|fico a disposicao|"
    r"estou a disposicao|estamos a disposicao|happy to help|glad to help|feel free|fique a vontade|conte comigo|let me know|"
    r"me avise|me diga|me conte|tell me|please|por favor|informe|envie|mande|describe|send|provide|share|se preferir|"
    r"if you prefer|se quiser|if you want|if you d like|caso queira|nao encontrei|nao tenho (?:essa|esta|a) informac|nao sei|"
    r"i could not find|i couldn t find|i could not locate|i don t have|i do not have|i don t know|i do not know|not sure|"
    r"nao tenho certeza|sou (?:o|um|uma|a) |sou o assistente|i m (?:the|an|a) |i am (?:the|an|a) |para eu (?:indicar|ajudar)|"
    r"to suggest|to help you|para ajudar|para te ajudar|como posso|how can i|em que posso|what else|algo mais|anything else|"
    r"boa sorte|good luck|ate logo|see you|tenha um|have a (?:nice|great|good)|"
    # First-person notes about the conversation itself, not claims about the world.
    r"anotei|registrei|recebi|encaminhei|confirmei|agendei|salvei|atualizei|vi que|entendi que|anotado|registrado|"
    r"i ve (?:noted|recorded|received|forwarded|booked|saved|updated)|i (?:noted|recorded|received|forwarded|booked|saved"
    r"|updated)|i see that|i understand that|noted|done|"
    # The hand-off to a person, said in the agents' playbooks: about the conversation, not the world.
    r"(?:i m|i am) (?:handing|passing|bringing|transferring|connecting|forwarding)|they (?:get|will get|receive)|"
    r"(?:ela|ele) (?:ja )?recebe|your case is (?:already )?with|seu (?:atendimento|caso) ja (?:foi|esta)|nao consegui|"
    r"i couldn t|i could not|perfect|i m sorry|i am sorry)"
)



@dataclass(frozen=True)
class Evidence:
    stems: frozenset[str]
    numbers: frozenset[str]


@functools.lru_cache(maxsize=512)
def evidence_of(snippet: str) -> Evidence:
    return Evidence(frozenset(stems(snippet)), frozenset(numbers_in(snippet)))


@functools.lru_cache(maxsize=2048)
def stems(text: str) -> frozenset[str]:
    return frozenset(w[:5] for w in WORD.findall(normalize(text).canonical) if w not in _STOPWORDS)


@functools.lru_cache(maxsize=2048)
def is_claim(sentence: str) -> bool:
    stripped = sentence.strip()
    if not stripped or stripped.endswith("?"):
        return False
    canonical = normalize(stripped).canonical.strip()
    if len(canonical.split()) <= 3 and not _NUMBER.search(stripped):
        return False
    return _NOT_CLAIM.match(canonical) is None


