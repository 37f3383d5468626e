"""The hybrid strategy: the business's labelled examples in the encoder's space
(each intent scored by its nearest examples and by its prototype, the mean of
its examples, and, with enough of them, by a linear model fit on them all),
plus domain-general lexical cues (rules/cues.toml: buying verbs, "already bought"
and complaint words, how-it-works questions), plus the conversation. Under the
business's own examples lies a weak prior (rules/prior.toml): what customers
of any business ask each agent ("a primeira visita é paga?", "it stopped working",
"how does it work?"); a destination's score leans to it by a share that fades as the
business's own examples for it grow, so a business configured with a handful of examples
gets the common requests right too. A follow-up ("e qto fica?", "and the other one?") borrows the
previous message's meaning and leans to the conversation's current agent, while
a message that is clearly about something else moves it (read alone, it stands on
its own and another agent takes most of its evidence, and it does not point back
with "e o outro?", "that one"). A short follow-up that only resembles another agent's
examples, with no cue of that agent's kind of request, needs a larger share to move the
conversation, and does not move it when the customer speaks of their own part ("e o
roteador, eu levo?").

Out of scope: a conversation's first request that uses few of the business's own
words (its examples, descriptions and `[vocabulary]`; model codes count) and that
no request cue recognises leans out of scope; a message made only of the
business's words leans away from it; a message all but one of the business's
out-of-scope examples, and clearly farther from every agent's, leans to it whatever
cue it has ("quanto tá o euro?" asks a price, not the business's).

A follow-up reads the customer's last two requests; a message that opens a new
subject ("outra coisa, ...", "btw") is read on its own; a cue that `stays_with` the
conversation's agent does not move it ("tem custo?" in a support conversation); a
remark of thanks, acknowledgement or "I'll wait", asking nothing, is small talk.

Besides short ones, follow-ups are messages that point at the thing being discussed
("does that one ...", "quanto custa essa ..."), tell what someone said ("o vendedor falou
que ...": only a strong cue moves those), and statements of details that no cue reads as a
request ("a árvore do vizinho faz sombra no telhado"). A cue's `against` (a question about
how a thing is, read cold, is no sale) does not speak against the agent a follow-up goes on
with. An elliptic follow-up (a connective and up to three words: "tá, mas e o prazo", "and
the warranty?") stays with the conversation's agent or goes to one a cue names, never to a
third agent its few words happen to resemble. Asking to be sent what the agent offered
("manda o link", "send it over") stays with it whatever cue it has. A closing remark that
names something ("vou ver com meu marido") is read on its own. A bare yes or no ("sim",
"isso", "yes") answers the conversation's agent: it is a request of that agent, not small
talk. "voltando na conta, ..." goes back to the earlier
request nearest to it, read as a follow-up of that request's agent.

It always names the nearest agent for a request; it says "unclear" only when
the message names no request and no agent leads (the router then asks), when a
conversation's first request names a need and nothing else ("oi, preciso de uma ajuda",
"to com um problema": such a message is no context for the next one either), or
when a message of a few words leaves two agents too close to call without a
conversation to lean on. Out of scope needs a clear lead over the nearest agent."""

from __future__ import annotations

import asyncio
import math
import re
import tomllib
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from atende_guardrails import kept_vectors
from atende_guardrails.encoder import TextEncoder, Vectors
from router_svc.routing.base import OUT_OF_SCOPE, SMALL_TALK, TOPIC, UNCLEAR, Prediction
from router_svc.routing.embedding import ExampleSet, top_k
from router_svc.routing.linear import LinearHead
from router_svc.routing.normalize import folded, plain

CLARIFY = "clarify"

# A whole message of these words is small talk, in any business.
_SMALL_TALK_WORDS = frozenset("""
oi ola ole opa eai e ai hey hi hello hola bom boa dia tarde noite good morning afternoon evening tudo bem bom tranquilo
obrigado obrigada obrigadao valeu vlw brigado brigada muito mt thanks thank you thx ty cheers appreciate it much lot so
ok okay okk blz beleza certo entendi show perfeito otimo top massa legal joia fechado combinado cool great perfect nice
eae iae salve
awesome got gotcha understood sure alright fine tchau ate mais logo breve falou flw bye see later adeus abraco abracos
nada isso era so de por enquanto thats all that's for now have a day da de pois ta esta bao sim nao yes no yeah yep
ah ahh hum hm maybe ll entendo saquei tendi vou pensar pensar think i i'll ill will it about depois retorno volto falo
later get back you to fechou demais bacana otima excelente excellent favor please agradeco agradecemos alo
pessoal galera guys folks everyone mano mana chefe moco moca querido querida amigo amiga parceiro tmj
""".split())


# Words that say nothing about what a business does: function words, the verbs of any
# request ("quero", "preciso", "can you"), time and people (pt and en, folded). The
# rest of an example's words are the business's vocabulary (see domain_words).
_GENERIC_WORDS = frozenset("""
a o as os um uma uns umas de do da dos das em no na nos nas num numa por pelo pela pelos pelas para pra pro com sem e ou
mas se que nao sim eu tu ele ela nos voce voces vc vcs meu minha meus minhas seu sua seus suas esse essa esses essas isso
este esta estes estas isto aquele aquela aquilo ja ainda tambem muito muita muitos muitas mais menos bem mal so como onde
quando qual quais quanto quanta quantos quantas porque ser estar ter tem tenho tinha temos tinham sao era foi vai vou faz
fazer faco fazem fazemos pode posso podem podemos consigo consegue quero queria querem gostaria preciso precisa precisamos
precisava oi ola bom boa dia tarde noite obrigado obrigada favor me te lhe la aqui ai ali hoje amanha ontem agora depois
antes sempre nunca alguem algum alguma nada tudo todo toda todos todas outro outra mim comigo voce gente pessoa coisa
coisas saber sei sabe dizer diz falar fala ver vejo ajuda ajudar duvida pergunta informacao favor entao tipo assim vez
vezes ano anos mes meses semana semanas dias hora horas the an of to in on at for with without and or but if is are was
were be been being do does did done i you he she we they my your our their me us him her it its this that these those
there here what which who whom how when where why can could would should will shall may might want wanna need please
hi hello hey thanks thank any some all just also not no yes get got have has had from about as by so than then too very
tell know help question much many one two day days week weeks month months year years time today tomorrow yesterday
now later someone something anything thing things like make made go going come came
""".split())


_CODE = re.compile(r"\b(?:[a-z]+-?\d+[a-z0-9]*|\d+[.,]?\d*-?(?:[a-z]{1,4}))\b")

# A name followed by a number ("helio 550", "plano 300") or a model's decimal number ("zenite 3.6",
# "ventura 4,4"): a product the customer believes the business has, whatever its name.
_NAMED_NUMBER = re.compile(r"\b([a-z]{3,}) (?:\d{2,}|\d[.,]\d{1,2})\b")


def _stem(word: str) -> str:
    return word[:5]


def request_words(text_folded: str) -> list[str]:
    """The message's content words less those that name no request ("problema", "question")."""
    return [w for w in content_words(text_folded) if w not in _EMPTY_REQUEST and w not in _SMALL_TALK_WORDS]


def content_words(text_folded: str) -> list[str]:
    """The words of a (folded) message that could name something a business does."""
    return [w for w in re.findall(r"[a-z]+", text_folded) if len(w) >= 3 and w not in _GENERIC_WORDS]


# A time of day is a pleasantry only in a greeting ("boa noite", "tenha um bom dia"); in a
# longer message on its own it asks about that time ("e a noite?", "e de dia?").
_TIME_OF_DAY = frozenset({"dia", "tarde", "noite", "day", "morning", "afternoon", "evening"})
_GREETING_ADJECTIVES = frozenset({"bom", "boa", "bons", "boas", "otimo", "otima", "excelente", "good", "nice", "great",
                                  "lovely"})


# A question about the assistant itself ("vc é robô ou gente?", "is this automated?"): small
# talk in any business, whatever else the few words resemble.
# The pleasantries that may open a question to the assistant ("oi, qual seu nome?", "so, do you speak English?").
_OPENING = (r"^\W*(?:(?:oi|ola|hey|hi|hello|e|so|and|k{3,}|(?:ha){2,}|(?:rs){1,}|mas|entao|ta bom|esta bom|ok|blz|"
            # the North's and Northeast's interjections ("égua, vcs responderam rapido", "oxe")
            r"beleza|entendi|egua|oxe|eita|vixe|uai)\W+)*")
_ABOUT_ASSISTANT = re.compile(
    r"^\W*(?:(?:oi|ola|hey|hi|hello|e|mas|so)\W+)*(?:voce e|voce eh|voces sao|isso (?:aqui )?e|e|eh|is this|are you|"
    r"am i (?:talking|chatting|speaking) (?:to|with)|(?:eu )?(?:to|estou|tou) (?:falando|conversando) com|"
    r"quem (?:me )?responde e)"
    r"\s+(?:um |uma |a |an )?(?:robo|bot|chatbot|ia|inteligencia artificial|maquina|humano|humana|pessoa|gente|atendente|"
    r"ai|human|person|machine|real person|automatico|automatica|automated)\b[a-z ]{0,25}\W*$"
    # Its name ("qual seu nome?", "what's your name?"), not the company's.
    rf"|{_OPENING}(?:qual (?:e )?(?:o )?(?:seu|teu) nome|como (?:voce|tu) se chama"
    r"|(?:voce|tu) tem nome|what.?s your name|what is your name|do you have a name)(?:\W+(?:assistant|assistente|robo|bot))?\W*$"
    # The languages it speaks ("vc fala ingles tb?", "do you speak Spanish?").
    rf"|{_OPENING}(?:(?:(?:voce|voces|tu) )?(?:fala|falam|entende|entendem)|(?:do|can) you "
    r"(?:speak|understand)|hablas|hablan) (?:tambem )?(?:ingles|espanhol|portugues|english|spanish|portuguese|espanol|"
    r"frances|french)(?: tambem| too| also| tb)?\W*$"
    # Who made it and what it runs on ("quem te criou? vc usa chatgpt?", "who built you?").
    rf"|{_OPENING}(?:quem (?:te|o) (?:criou|fez|programou|desenvolveu|treinou)|who (?:made|built|created|trained) you"
    r"|(?:voce|tu) (?:usa|e|eh|roda (?:no|em)) (?:o )?(?:chatgpt|chat gpt|gpt|gemini|claude|openai)"
    r"|are you (?:chatgpt|gpt|gemini|claude))(?:\W+[a-z ]{0,40})?\W*$"
    # A compliment, and where it is from ("kkkk vc e engracado hein", "vc e de goiania tb?").
    rf"|{_OPENING}(?:(?:voce|tu) (?:e|eh|ta|esta|foi) (?:muito |mt |mto |bem |super |mo )?(?:engracad[oa]|legal|"
    r"simpatic[oa]|fofo|fofa|espert[oa]|inteligente|educad[oa]|gente boa|top|demais)"
    r"|you(?:.?re| are) (?:so |very |really )?(?:funny|smart|nice|cool|helpful|great))(?: hein| ne| viu| demais| kkk\w*)?\W*$"
    # The team praised ("voces sao rapidos hein, parabens pelo atendimento", "otimo atendimento, parabens").
    rf"|{_OPENING}(?:voces|vcs) (?:sao|foram) (?:muito |mt |mto |bem |super )?(?:rapid[oa]s|otim[oa]s|atencios[oa]s|"
    r"eficientes|educad[oa]s|demais|show|top|feras|incriveis|arretad[oa]s|massa|nota dez|nota 10)"
    r"(?: hein| ne| viu| visse| demais| mesmo)?"
    r"(?:\W+(?:parabens|obrigad[oa])(?: pelo (?:atendimento|servico|trabalho))?)?"
    r"(?:\W+(?:atendimento|servico) (?:top|show|nota dez|nota 10|excelente|otimo|perfeito|de primeira|pai de.?egua|"
    r"arretado|massa))?"
    r"(?:\W+(?:o sistema|as placas|tudo) (?:esta|ta) (?:voando|show|top|otimo|perfeito|uma beleza|funcionando "
    r"(?:muito bem|perfeitamente|direitinho)))?\W*$"
    rf"|{_OPENING}(?:(?:otimo|excelente|que) atendimento\W+)?parabens(?: pelo (?:atendimento|servico|trabalho)"
    r"(?: (?:da|do) [a-z]+(?:\W+(?:muito |mt |super )?(?:atencios[oa]|educad[oa]|simpatic[oa]|prestativ[oa]|rapid[oa]|"
    r"top|show))?)?|"
    r" (?:para o|para a|para|ao|a) (?:tecnico|tecnica|instalador|instaladora|equipe|time|pessoal|atendente|vendedor|"
    r"vendedora|consultor|consultora)(?: [a-z]+)?(?:\W+(?:atendimento|servico|trabalho) (?:nota dez|nota 10|top|show|"
    r"excelente|otimo))?)?"
    r"(?:\W+(?:muito |mt |mto |super )?(?:rapido|rapidos|top|show|excelente|otimo|nota dez|nota 10)(?: demais| mesmo)?)?\W*$"
    # A joke taken well or not ("haha boa essa", "good one", "essa foi fraca").
    rf"|{_OPENING}(?:boa essa|essa foi boa|good one|nice one|(?:essa foi|que piada|piada) fraca|fraca essa|sem graca|"
    r"bad one|lame one)\W*$"
    # The answer's speed praised ("égua, vcs responderam rapido").
    rf"|{_OPENING}(?:voces|vcs) (?:responderam|atenderam|resolveram) (?:muito |mt |bem |super )?(?:rapido|rapidinho|"
    r"ligeiro)(?: hein| ne| viu| mesmo)?\W*$"
    # Season's greetings ("feliz natal pra equipe toda", "happy new year guys").
    rf"|{_OPENING}(?:feliz natal|feliz ano novo|boas festas|feliz pascoa|merry christmas|happy new year|happy holidays|"
    r"happy easter)(?:\W+(?:e |and )?(?:feliz ano novo|boas festas|um otimo ano|happy new year))?"
    r"(?: (?:pra|para|a|to)(?: a| o| toda a| todo o| toda| todo)? (?:equipe|time|pessoal|galera|todos|todas|todo mundo|voces|"
    r"you all|everyone|the team|all)(?: toda| todo| de voces| voces)?(?: (?:da|do|de) [a-z]+)?)?(?: guys| pessoal| galera)?\W*$"
    # A joke asked for ("conta uma piada de placa solar ai kkk", "tell me a joke"): six writers of the routing probes
    # called it small talk.
    rf"|{_OPENING}(?:(?:me )?(?:conta|conte|manda|mande|fala|solta) (?:uma|outra) (?:piada|piadinha)|tell (?:me |us )?"
    r"(?:a |another )?joke)(?: [a-z]+){0,6}\W*$"
    # The customer loves the business ("adoro vcs, melhor empresa de SC").
    rf"|{_OPENING}(?:adoro|amo|love) (?:voces|you guys|you all)(?:\W+(?:a |the )?(?:melhor empresa|melhores|best|demais|top|"
    r"show)(?: [a-z]+){0,4})?\W*$"
    # The sun's strength remarked on ("hj o sol ta de rachar aqui em Picos", "o sol ta tao forte q ate eu to gerando
    # energia kkkk").
    rf"|{_OPENING}(?:[a-z0-9, ]{{0,30}} )?(?:sol|calor|calorao|solzao)\b[a-z0-9 ]{{0,30}}? (?:de rachar|de matar|danado|"
    r"tao forte|forte demais)(?: [a-z]+){0,5}\W*$"
    rf"|{_OPENING}(?:[a-z0-9 ]{{0,50}} )?ate eu (?:to|estou|tou) gerando energia\W*$"
    # A problem solved and said so ("consegui! era isso mesmo, obg", "ok done, it's working now, thanks a lot").
    rf"|{_OPENING}(?:ok )?(?:consegui|funcionou|deu certo|it worked|done|it.?s working(?: now)?)"
    r"(?:\W+(?:era isso(?: mesmo)?|it.?s working(?: now)?|obrigad[oa](?: por favor)?|valeu|vlw|thanks(?: a lot)?|"
    r"thank you|agora foi|voltou))*\W*$"
    # Something the customer is told, taken in ("ah que pena", "nossa nao sabia").
    rf"|{_OPENING}(?:ah |aah |poxa |putz |nossa |oh )?(?:que pena|nao sabia|nao sabia disso|bom saber|que bom saber|"
    r"what a pity|too bad|good to know|nice to know)\W*$"
    # The heat, good for the business ("que calor hein, bom pra vcs ne").
    rf"|{_OPENING}(?:que|hoje esta|esta|hoje|that s some|what a) (?:calor|sol|solzao|quente|heat|sun)(?: hein| ne| heim)?"
    r"\W+(?:bom|otimo|good|great) (?:para|for) (?:voces|as placas|o negocio|you guys|you|business|the panels)"
    r"(?: ne| hein| heim| kkk\w*| haha\w*| lol)?\W*$"
    # The weather and the panels enjoying it ("ta calor hj hein, pelo menos as placas tao felizes kkk").
    rf"|{_OPENING}(?:[a-z0-9 ,]{{0,90}}\W+)?(?:as |minhas |minha |nossas |my |the |our )?(?:placas?|paineis|panels)"
    r" (?:tao|estao|esta|devem (?:esta|estar|tar|ta)|vao (?:esta|estar|ta)|are|must be)(?: muito| mt| bem| so| very)? "
    r"(?:felizes|feliz|adorando|amando|suando|torrando|derretendo|happy|loving it|thrilled|sweating|melting)\b"
    r"(?: hein| ne| kkk\w*| haha\w*| lol)?[^\w?]*$"  # asked ("as placas estao suando?"), it may be condensation
    rf"|{_OPENING}(?:voce|tu) (?:e|eh) de (?!(?:que|qual|quem)\b)[a-z]+(?: [a-z]+)?(?: tambem| tb| too)?\W*$"
    # ... or said of it ("hahaha o robo e educado", "the bot is funny").
    rf"|{_OPENING}(?:o|a|esse|essa|this|the) (?:robo|robozinho|bot|ia|assistente|atendente virtual|assistant) "
    r"(?:e|eh|esta|ta|is) (?:muito |mt |mto |bem |super |so |very )?(?:educad[oa]|legal|engracad[oa]|simpatic[oa]|"
    r"espert[oa]|inteligente|fofo|fofa|top|funny|polite|nice|smart|cute)(?: hein| ne| demais| kkk\w*)?\W*$"
    rf"|{_OPENING}(?:do|can) you(?: guys| all) (?:speak|understand) (?:english|spanish|portuguese)\W*$"
    # Whether the customer may write in another language ("can I write in English?", "posso escrever em ingles?").
    rf"|{_OPENING}(?:[a-z ]{{0,40}}\W+)?(?:can i|may i|posso|da pra|da para) (?:write|speak|talk|escrever|falar) "
    r"(?:in|em) (?:english|ingles|spanish|espanhol|portugues|portuguese)\W*$"
    # "vc e uma IA?" after a pleasantry ("kkk ta bom. vc e uma IA?").
    rf"|{_OPENING}(?:voce|tu) (?:e|eh) (?:uma |um )?(?:ia|robo|bot|chatbot|inteligencia artificial|pessoa de verdade)"
    r"(?: mesmo| de verdade| ne)?\W*$")


def about_assistant(text_folded: str) -> bool:
    return _ABOUT_ASSISTANT.match(text_folded) is not None


# A joke taken back or the team praised, whole ("kkk brincadeira": folding drops the laughter).
_PLEASANTRY_WORDS = frozenset("brincadeira brincando zoeira zoando parabens".split())


# A message sent to the wrong chat, taken back ("ops mensagem errada kkkk", "sorry, wrong chat").
_WRONG_CHAT = re.compile(r"^\W*((ops|opa|eita|oxe|vish|desculpa|desculpe|foi mal|sorry|oops)\W+)*"
                         r"(mensagem errada|msg errada|mandei errado|enviei errado|era pra outra pessoa|conversa errada|"
                         r"chat errado|wrong chat|wrong person|wrong number|wrong message|"
                         # ... or by someone else or a pocket ("desculpa, meu filho pegou o celular kkk").
                         r"(?:o |meu )?celular (?:tava|estava) no bolso|(?:meu|minha) (?:filho|filha|neto|neta|sobrinho|"
                         r"sobrinha) (?:pegou|mexeu|apertou)(?: no| o| em)? (?:celular|telefone))\W*$"
                         # ... or another company meant ("ah vcs nao sao da enel? foi mal kkk").
                         r"|^\W*((ah|ahh|oh|ops|opa|eita|hum|ixi)\W+)*(entao )?(voces )?nao (sao|e|eh) (da|do|a|o) "
                         r"[a-z ]{1,25}\W+"
                         r"((foi mal|desculpa|desculpe|ops|opa|sorry|perdao|me desculpa)\W*)+$")


def is_chit_chat(text: str) -> bool:
    """The whole message is pleasantries ("oi, tudo bem?", "ok valeu", "thanks!", "kkk brincadeira")."""
    text_folded = folded(text[:300])
    words = re.findall(r"[a-z0-9]+", text_folded)
    if not words:
        # Nothing but laughter or emoji ("kkkkkkk", "👏👏": folding drops both); punctuation alone ("...", "?")
        # asks something back.
        return not text_folded.strip()
    if _WRONG_CHAT.match(text_folded):
        return True
    if not all(w in _SMALL_TALK_WORDS or w in _PLEASANTRY_WORDS for w in words):
        return False
    if any(w in _PLEASANTRY_WORDS for w in words):
        return True
    return len(words) == 1 or all(w not in _TIME_OF_DAY or (i > 0 and words[i - 1] in _GREETING_ADJECTIVES)
                                  for i, w in enumerate(words))


@dataclass(frozen=True)
class Cue:
    name: str
    destination: str
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    suppresses: tuple[str, ...] = ()
    # Agents whose conversation this cue does not take away: "tem custo?" in a
    # conversation with support asks the fee of the customer's own case, not a price
    # to buy (there the cue does not count, unless the message opens a new subject).
    stays_with: tuple[str, ...] = ()
    # Destinations this cue speaks against when none of their own cues fired: a question
    # about how a thing is, with no word of buying or price, is not a sale, however much
    # it talks about the things on sale.
    against: tuple[tuple[str, float], ...] = ()
    # Agents in whose conversation a message this cue matches stays on the matter at hand, whatever other agent's
    # examples it resembles: a warranty asked about in a repair is the repair's ("e a garantia cobre isso?").
    holds_with: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        if self._any is not None:
            return self._any.search(text) is not None
        return any(p.search(text) for p in self.patterns)

    @cached_property
    def _any(self) -> re.Pattern[str] | None:
        """The patterns as one alternation: one scan of the text instead of one a pattern
        (the cues run on every message, and were a fifth of routing's time). None where
        they cannot be joined (flags of their own, or a global inline flag)."""
        if not self.patterns or any(p.flags != re.UNICODE for p in self.patterns):
            return None
        try:
            return re.compile("|".join(f"(?:{p.pattern})" for p in self.patterns))
        except re.error:
            return None


class CueMatches:
    """Whether each cue matches one message, each cue's patterns scanned at most once: a
    route reads the same folded text two or three times (the change of topic, the
    cues' log-odds, the vague-topic check)."""

    __slots__ = ("_seen", "text")

    def __init__(self, text_folded: str) -> None:
        self.text = text_folded
        self._seen: dict[int, bool] = {}

    def __call__(self, cue: Cue) -> bool:
        key = id(cue)
        hit = self._seen.get(key)
        if hit is None:
            hit = self._seen[key] = cue.matches(self.text)
        return hit


def load_cues(path: Path) -> list[Cue]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Cue(str(c["name"]), str(c["destination"]), float(c.get("weight", 1.0)),
            tuple(re.compile(p) for p in c.get("patterns", [])), tuple(str(n) for n in c.get("suppresses", [])),
            tuple(str(a) for a in c.get("stays_with", [])),
            tuple((str(d), float(w)) for d, w in c.get("against", {}).items()),
            tuple(str(a) for a in c.get("holds_with", [])))
        for c in data.get("cue", [])
    ]


_FOLLOW_UP = re.compile(
    r"^\W*(e|e o|e a|e os|e as|e se|e pra|e para|e quanto|e qual|e como|e em|mas|ah|ah e|ok e|ta e|tá e|and|and the|and if|"
    r"what about|how about|also|so|then|ok|okay|entao|então|tambem|também|isso|esse|essa|ele|ela|it|that|this|the other)\b",
    re.IGNORECASE,
)


# Words that open a new subject ("outra coisa, ...", "aproveitando, ...", "btw, ..."): the
# message is read on its own, whatever the conversation was about.
_NEW_SUBJECT = re.compile(
    r"^\W*(?:(?:oi|ola|ah|ok|okay|ta|beleza|blz|e|and|oh|hey|so|entao|valeu|obrigad[oa]|thanks)\W+)*"
    r"(outra coisa|outra duvida|outra pergunta|outro assunto|uma outra|mudando de assunto|trocando de assunto|aproveit\w*|"
    r"alem disso|alias|a proposito|por falar nisso|falando nisso|ja que (estou|to) aqui|by the way|btw|another (question|thing)|"
    r"one more (thing|question)|on another note|(?:can|could) you also (?:tell|check|let)|"
    r"unrelated|(a )?(different|separate) question|while i have you|while i'm here|also wanted to ask|"
    r"also(?=,)|(e )?tambem(?=,))\b")


# A message led or closed by thanks, an acknowledgement or a goodbye ("blz, vou ver com minha
# esposa e te falo", "entendi, muito obrigada pela explicação"): with no question and no
# request cue, it closes a topic rather than opening one.
_CLOSING = re.compile(
    r"^\W*(?:(?:muito|mt|mto|many|so) )?(ok|okay|blz|beleza|valeu|vlw|flw|falou|tmj|obrigad\w*|brigad\w*|thanks|"
    r"thank you|perfeito|perfect|entendi|"
    r"entendido|got it|"
    r"show|otimo|great|tchau|bye|tenha um|have a|de nada|fechado|combinado|certo|esta bom|pode deixar|cool|awesome|"
    r"agradeco|agradecemos|(?:so )?passando (?:pra|para) (?:agradecer|dizer|contar)|"
    r"ah ok|sure|alright|tudo bem|tudo certo|ah esta|ah sim|ah entendi|esta certo)\b|"
    r"\b(valeu|obrigad[oa]|thanks|thank you|tchau|bye|ate mais|abracos?)\W*$")
_THANKS = re.compile(r"obrigad|brigad|valeu|vlw|thanks|thank you|agradec|passando (?:pra|para) (?:dizer|contar)")
# Thanks anywhere in a message that asks nothing and reports nothing wrong closes it, whatever it names ("funcionou!!
# valeu demais", "meu inversor foi trocado na garantia, ta tudo ok agora, obrigado"): all 416 such messages of the
# routing probes' halves a are small talk.
# Praise is thanks too ("parabens pro tecnico Jorge", "great job guys").
_THANKED = re.compile(r"\b(obrigad[oa]s?|obg|brigad[oa]|valeu|vlw|thanks|thank you|thx|agradec\w*|"
                      r"passando (pra|para) (dizer|contar)|parabens|congrats|congratulations|great job|well done|"
                      # praise of the service or the team ("adorei o atendimento da Carla, nota 10")
                      r"(adorei|amei) (o |a )?(atendimento|equipe|servico|tecnico|tecnica|instalacao)|"
                      r"nota (10|dez|mil)|loved (the|your) (service|team|crew|installers?)|gostei|gostamos|"
                      r"que (atendimento|equipe|servico) (rapido|bom|otimo|excelente|top|caprichado))\b")
_TROUBLE = re.compile(
    r"\b(nao|n|not|no|nunca|never|erro|error|errad[oa]|wrong|problema|problem|issue|defeito|parou|quebr\w*|queim\w*|"
    r"continua|ainda|mas|porem|but|still|again|de novo|quando|como|quanto|qual|onde|when|how|what|which|where|"
    # ... nor a wait or a zero told in praise, which is sarcasm ("parabéns, 3 semanas esperando o técnico 👏").
    r"esperando|aguardando|waiting|zero|0|recorde|record|demora|demorou|demorando|atraso|atrasou|delay|e nada|and nothing|"
    # ... nor a request after the thanks ("valeu, vou querer o kit de 5").
    r"querer|quero|comprar|compro|fechar|fecho|contratar|agendar|marcar|want|buy|order|book)\b")
# ... unless what follows the leading acknowledgement has this many words, two of them the business's.
CLOSING_REST_WORDS = 4


# How long a closing message may be; thanks may run longer ("a equipe que veio aqui foi muito educada, parabens para o
# joao e para o marcos").
CLOSING_WORDS = 15
THANKS_WORDS = 25

# What such thanks add to small talk's log-odds: more than any agent's examples and cues give a message.
THANKS_WEIGHT = 12.0


def _thanks_only(text_folded: str) -> bool:
    """Thanks, with nothing asked and nothing wrong (see _THANKED); the caller has ruled out a question."""
    return _THANKED.search(text_folded) is not None and _TROUBLE.search(text_folded) is None


# Saying one will wait or think it over closes the turn, even when it names the matter.
_WAITING = re.compile(
    r"\b((vou|irei|vamos) (aguardar|esperar|pensar|ver isso|ver com|conversar|falar com)|aguardo|fico no aguardo|"
    r"ficamos no aguardo|"
    r"volto (a falar|depois|mais tarde|amanha)|depois (eu )?(vejo|volto|falo)|i'?ll (wait|think|check|get back)|will wait|"
    r"talk (to you )?later)\b")
# ... or hands over what identifies the matter ("ok found it: WFX-88213-B", "blz, protocolo 4471203").
_IDENTIFIER = re.compile(r"\b(?:[a-z]{1,6}-?\d{3,}[a-z0-9-]*|\d{5,})\b")
# ... unless it goes on to ask for something ("beleza, manda a proposta", "fechado, pode mudar").
_ASKS = re.compile(
    r"\b(manda|mande|envia|envie|pode|podem|quero|queria|preciso|faz|faca|fecha|fechar|agenda|marca|mas|porem|send|go ahead|"
    r"do it|let'?s|i want|i need|i'd like|please|but|can you|could you)\b")


# Words that point back to what the conversation was about ("e o outro?", "and that
# one?", "quanto fica ele?"): a message with them is a follow-up, whatever else it says.
_POINTS_BACK = re.compile(
    r"\b(the one|that one|this one|the other|the same|o outro|a outra|os outros|as outras|o mesmo|a mesma|esse|essa|esses|"
    r"essas|desse|dessa|nesse|nessa|disso|nisso|dele|dela|nele|nela|it|its|them|those|these|"
    r"(a new|another|the new|the old|a replacement) one)\b")


# A bare yes or no, or a word that agrees ("isso", "pode ser", "yes please"): in a conversation
# with an agent it answers the agent's question, which the agent needs to read; it is not small
# talk. (An acknowledgement, "ok", "blz", "got it", or thanks, is still small talk.)
_ANSWER = re.compile(
    r"^\W*(?:(?:sim|nao|yes|no|yeah|yep|yup|nope|isso|isso mesmo|exato|exatamente|claro|claro que sim|com certeza|"
    r"correto|certo que sim|pode ser|pode sim|quero|quero sim|tenho|nao tenho|tenho sim|ainda nao|ja|positivo|negativo|"
    r"uhum|aham|of course|sure thing|not yet|i do|i don't|do not|i have|i haven't|absolutely|definitely|correct|right)"
    r"(?:\W+(?:por favor|please|pfv|senhor|senhora|mesmo|sim|nao|yes|no))*)\W*$")

# An acknowledgement and "e aí?" ("ok e ai", "blz, e aí?") after the agent spoke asks what comes next
# in the matter, like an answer to the agent, and so does "e aí?" asked alone in a matter under way;
# "e aí" with no question is a greeting. "e agora?", "what now?", with an acknowledgement or not
# ("ok what now"), asks the same.
_WHAT_NEXT = re.compile(
    r"^\W*(?:(?:ok|okay|ta|esta|blz|beleza|certo|entendi|tendi|hum|hm|sim|show)\W+)+e ai\W*$|^\W*e ai\s*\?[?!\s]*$|"
    r"^\W*(?:(?:ok|okay|ta|esta|blz|beleza|certo|entendi|tendi|hum|hm|sim|show|so|and|alright|right)\W+)*"
    r"(?:e agora|e dai|e entao|what now|now what|what next|what'?s next|and now)\W*$")

# A day or a time offered for what the conversation's agent arranges ("pode ser sexta de tarde", "sábado serve",
# "can it be earlier? I'm travelling on the 20th"), or the person in charge asked for in the matter ("quero falar
# com um gerente"): the conversation's matter goes on, whichever agent it is (a support visit is rescheduled in
# support, a seller's visit in sales), and neither is small talk. The first clause is made of these words only
# (a reason may follow it: "... trabalho de manhã"), one of them a day or a time.
_WHEN_WORDS = frozenset("""
segunda terca quarta quinta sexta sabado domingo feira amanha hoje cedo tarde manha noite semana weekend
monday tuesday wednesday thursday friday saturday sunday tomorrow today week earlier later morning afternoon evening
""".split())
_WHEN_FILLER = frozenset("""
ok okay blz beleza ta bom esta sim entao perfeito certo show otimo ah hmm fechado combinado yes yeah sure great perfect
fine then so pode podia poderia ser teria tem como da pra para prefiro melhor seria fica serve servem works work
is good better e and how what about can could it you we they someone be come do make de da do das dos na no nas nos
a o as os dia depois antes que vem proxima fim mais pela parte the on at in this next after before por favor please
pfv
""".split())
_HOUR = re.compile(r"^(?:\d{1,2}(?:h|hs|hrs|:\d{2})?(?:\d{2})?|\d{1,2}(?:st|nd|rd|th)|\d{1,2}/\d{1,2}|horas|hours|am|pm)$")
_ASKS_FOR_WHO_IS_IN_CHARGE = re.compile(
    r"^\W*(?:(?:ok|entao|ta|ta bom|e|and|so|then)\W+)*(?:quero|queria|preciso|gostaria de|i want to|i'd like to|"
    r"i need to|let me|can i|posso) (?:falar|conversar|speak|talk) (?:com|with|to) (?:(?:um|o|a|uma|seu|sua|the|your) )?"
    r"(?:gerente|supervisor|supervisora|responsavel|coordenador|coordenadora|manager|someone in charge)\b")
HOLDS_WORDS = 10

# How much nearer an out-of-scope example a follow-up must be (HybridClassifier._near_out_of_scope).
FOLLOW_UP_SCOPE = 0.1
# How sure, read alone, a message naming nothing of the business must be of being out of scope to leave its
# conversation's agent (HybridClassifier._changes_topic): on the probes' halves a, the detours read 0.63 to 0.97 and the
# matter's next steps in other words 0.32 to 0.48.
OFF_TOPIC_SHARE = 0.5


@lru_cache(maxsize=4096)
def holds_the_matter(text_folded: str) -> bool:
    """A day or a time offered, or the person in charge asked for, in a few words (see `_WHEN_WORDS`)."""
    if len(text_folded.split()) > HOLDS_WORDS:
        return False
    if _ASKS_FOR_WHO_IS_IN_CHARGE.match(text_folded):
        return True
    clause = re.split(r"[?.!,;]", text_folded, maxsplit=1)[0]
    words = re.findall(r"[a-z0-9:/]+", clause)
    return bool(words) and any(w in _WHEN_WORDS or (_HOUR.match(w) and not w.isdigit()) for w in words) and all(
        w in _WHEN_WORDS or w in _WHEN_FILLER or _HOUR.match(w) for w in words)


# Words that name no request on their own ("tenho um problema", "I have a question"): a
# conversation's first message made of them and of words that name nothing is asked back.
_EMPTY_REQUEST = frozenset("""
problema problemas problem problems issue issues questao questoes question questions assunto assuntos informacao
informacoes info infos estou esta uma coisinha rapida rapidinha quick little small ajudinha duvidinha perguntinha
probleminha
""".split())


# ... of them, those that point at the one thing being discussed ("does that one ...", "quanto
# custa essa ...", "e a garantia dele?"); a bare "it" is too common in a message of its own.
_POINTS_AT_ONE = re.compile(
    r"\b(the one|that one|this one|the other|the same|o outro|a outra|o mesmo|a mesma|esse|essa|desse|dessa|nesse|"
    r"nessa|dele|dela|nele|nela)\b")


# An elliptic follow-up: a connective and a few words that name what is asked about the matter
# at hand ("e o prazo?", "tá, mas e a multa", "and the warranty?", "ok, e pra instalar?").
_ELLIPTIC = re.compile(
    r"^\W*(?:(?:ok|okay|ta|esta|beleza|blz|certo|entendi|tendi|hum|hm|ah|show|legal|perfeito|otimo|so|right|alright|"
    r"cool|great|got it)\W+)*(?:e|mas|and|but|what about|how about|and what about|and how about)\W+(\w+(?:\W+\w+){0,2})\W*$")


# A follow-up that asks the matter at hand for a variant of it ("e se for com bateria?", "e sem a
# instalação?", "and with two of them?"): the same request, not a new one.
_VARIANT = re.compile(
    r"^\W*(?:(?:ok|okay|ta|esta|beleza|blz|certo|hum|ah|so|right|cool)\W+)*"
    r"(?:e se (?:for|fosse|fossem|forem|eu (?:quiser|colocar|pegar|tiver|levar|incluir|botar|por|tirar))|e com|e sem|"
    r"and with|and without|what if (?:it(?:'?s| is| was)|i (?:want|add|get|take|go with))|with|without)\b")


def is_elliptic(text_folded: str) -> bool:
    return _ELLIPTIC.match(text_folded) is not None


# Asking to be sent what the agent offered, naming it by a word or not at all ("manda o link",
# "pode enviar", "send it over", "me passa o boleto"). Not the pix key: paying is a purchase, whoever
# answered the question before it ("ja vem com o inversor?" ... "blz, manda o pix").
_SEND_IT = re.compile(
    r"^\W*(?:(?:ok|okay|blz|beleza|certo|entao|sim|yes|sure|ta|esta|pode|please|por favor)\W+)*"
    r"(?:me |pode |podem |can you |could you |please )?(?:manda|mande|mandar|envia|envie|enviar|passa|passe|send|email|text)"
    r"(?:\W+(?:me|pra mim|para mim|aqui|ai|over|it|them|isso|por favor|please|o|a|os|as|the|that|esse|essa))*"
    r"(?:\W+(?:link|links|boleto|codigo|code|arquivo|file|pdf|documento|document|print|foto|fotos|photo))?\W*$")


# Going back to a matter the conversation left ("voltando na conta, ...", "back to my bill").
_RETURNING = re.compile(
    r"^\W*(?:(?:ok|okay|ah|e|and|so|entao|beleza|blz|ta|now|agora|mas|but)\W+)*(voltando|retomando|back to|going back to|"
    r"getting back to|returning to|de volta (a|ao|na|no|pra|pro|para))\b")


# Telling what someone said or promised ("o vendedor falou que ...", "my neighbour said ...").
_REPORTED = re.compile(
    r"\b(disse|disseram|falou|falaram|informou|informaram|prometeu|prometeram|garantiu|garantiram|avisou|avisaram|"
    r"comentou|comentaram|said|says|told me|told us|promised|mentioned|according to|segundo o|segundo a)\b")


# Saying one needs something, without saying what.
_NEEDS = re.compile(r"\b(problema|probleminha|problem|issue|ajuda|ajudinha|help|duvida|duvidinha|pergunta|perguntinha|"
                    r"question|questao|preciso|precisando|need|needing|queria|quero|gostaria|informac\w*|info)\b")


# A contrast that joins two matters in one message ("..., mas agora o inversor não liga", "... but how
# much is ..."): what follows it is the request (see HybridClassifier._after_the_contrast).
_CONTRAST = re.compile(r"[a-z0-9][,.;!]?\s+(?:mas|porem|so que|entretanto|contudo|but|however)\s")
# The cues of money: after a contrast they may ask the fee of the case before it.
_MONEY_CUES = frozenset({"price", "strong_price", "payment_question"})


# The customer speaking of their own part in a matter ("eu levo?", "meu", "my", "I have to").
_OWN_PART = re.compile(r"\b(eu|meu|minha|meus|minhas|comigo|i|my|mine|i'm|i've)\b")


class HybridClassifier:
    """See the module docstring. `temperature` turns example similarities into
    log-odds; cue weights add to them; `context_prior` leans a follow-up to the
    conversation's agent (`stay_prior` any other message); `clarify_margin`: two
    agents whose shares differ by less are a close call. `foreign_weight` /
    `sparse_weight` lean a new request with none / at most half of its words in the
    business's vocabulary out of scope, `domain_weight` leans one of its words only
    away from it; `switch_share` and `switch_words`: how sure (read alone) and how
    long a message must be to change a conversation's topic. `near_scope` (least
    similarity, lead over every agent's nearest example) and `near_scope_weight`: a
    message that near one out-of-scope example leans out of scope by that much (set on
    the dev splits: between 3 and 5 and around (0.6, 0.2) gave the same answers).
    `bare_follow_up`: how much more a follow-up of at most `clarify_words` words, with no
    cue of another agent, leans to the conversation's agent. `linear_weight`: how much the
    linear read of the examples (routing/linear.py) adds to the log-odds, for a business with
    `linear_examples` examples or more (fewer cannot fit the encoder's 512 directions: on Vetor
    Fibra's 137 the head lost 5 of its 123 test messages). `vector_folder`: where the examples' vectors are kept
    between starts (atende_guardrails/kept_vectors.py); None encodes them at every start."""

    name = "hybrid"
    accepts_agent = True

    def __init__(
        self,
        encoder: TextEncoder,
        examples: ExampleSet,
        cues: list[Cue],
        *,
        k: int = 3,
        temperature: float = 0.06,
        prototype_weight: float = 0.5,
        context_weight: float = 0.6,
        follow_up_words: int = 7,
        context_prior: float = 2.0,
        stay_prior: float = 0.3,
        clarify_margin: float = 0.1,
        min_similarity: float = 0.25,
        topic_change_weight: float = 1.0,
        foreign_weight: float = 4.0,
        sparse_weight: float = 1.5,
        domain_weight: float = 1.5,
        switch_share: float = 0.8,
        switch_words: int = 4,
        follow_up_switch_share: float = 0.9,
        clarify_words: int = 4,
        context_turns: int = 2,
        scope_margin: float = 0.05,
        strong_cue: float = 2.5,
        context_decay: float = 0.5,
        scope_gap: tuple[float, float] = (-0.25, -0.10),
        near_scope: tuple[float, float] = (0.6, 0.2),
        near_scope_weight: float = 4.0,
        bare_follow_up: float = 2.0,
        points_back_words: int = 12,
        elliptic_weight: float = 3.0,
        prior: ExampleSet | None = None,
        prior_weight: float = 0.5,
        prior_count: float = 8.0,
        linear_weight: float = 0.3,
        linear_examples: int = 1000,
        vector_folder: Path | None = None,
    ) -> None:
        self.vector_folder = vector_folder
        self.linear_weight = linear_weight
        self.linear_examples = linear_examples
        self._linear: LinearHead | None = None
        self.prior = prior
        self.prior_weight = prior_weight
        self.prior_count = prior_count
        self.bare_follow_up = bare_follow_up
        self.elliptic_weight = elliptic_weight
        self.points_back_words = points_back_words
        self.near_scope = near_scope
        self.near_scope_weight = near_scope_weight
        self.clarify_words = clarify_words
        self.context_turns = context_turns
        self.scope_margin = scope_margin
        self.strong_cue = strong_cue
        self.context_decay = context_decay
        self.scope_gap = scope_gap
        self.switch_share = switch_share
        self.switch_words = switch_words
        self.follow_up_switch_share = follow_up_switch_share
        self.domain_weight = domain_weight
        self.foreign_weight = foreign_weight
        self.sparse_weight = sparse_weight
        self.topic_change_weight = topic_change_weight
        self.encoder = encoder
        self.examples = examples
        self.intents = examples.intents
        self.cues = cues
        self.k = k
        self.temperature = temperature
        self.prototype_weight = prototype_weight
        self.context_weight = context_weight
        self.follow_up_words = follow_up_words
        self.context_prior = context_prior
        self.stay_prior = stay_prior
        self.clarify_margin = clarify_margin
        self.min_similarity = min_similarity
        names = [n for n in examples.intents if any(i == n for i, _ in examples.examples)]
        self._names = names
        self._groups = [self._group(n) for n in names]
        self.destinations = sorted(set(self._groups), key=self._groups.index)
        self._group_index = np.array([self.destinations.index(g) for g in self._groups])
        self._agents = {d for d in self.destinations if d not in (SMALL_TALK, OUT_OF_SCOPE, UNCLEAR)}
        rows = [[i for i, (n, _) in enumerate(examples.examples) if n == name] for name in names]
        widest = max(len(r) for r in rows)
        self._index = np.zeros((len(names), widest), dtype=np.intp)
        self._present = np.zeros((len(names), widest), dtype=bool)
        for i, r in enumerate(rows):
            self._index[i, : len(r)] = r
            self._present[i, : len(r)] = True
        self._counts = self._present.sum(axis=1)
        # The out-of-scope examples' rows and every agent's, for the nearest single example of each.
        kinds = [self._group(n) for n, _ in examples.examples]
        self._out_rows = np.array([i for i, g in enumerate(kinds) if g == OUT_OF_SCOPE], dtype=np.intp)
        self._agent_rows = np.array([i for i, g in enumerate(kinds) if g in self._agents], dtype=np.intp)
        self._vocabulary = self._domain_vocabulary()
        # The generic prior (rules/prior.toml): each destination's rows, and how much it weighs
        # for this business: `prior_weight` with no example of its own, fading as its own grow
        # (a half of that with `prior_count` of them).
        self._prior_texts: list[str] = []
        self._prior_index = np.zeros((0, 0), dtype=np.intp)
        self._prior_present = np.zeros((0, 0), dtype=bool)
        self._prior_at = np.zeros(0, dtype=np.intp)
        self._prior_share = np.zeros(0)
        if prior is not None:
            self._set_prior(prior)
        self._prior_matrix: Vectors | None = None
        self._matrix: Vectors | None = None
        self._prototypes: Vectors | None = None
        self._ready = asyncio.Lock()

    def _set_prior(self, prior: ExampleSet) -> None:
        own = dict.fromkeys(self.destinations, 0)
        for group in (self._group(n) for n, _ in self.examples.examples):
            own[group] += 1
        by_destination: dict[str, list[int]] = {}
        for name, text in prior.examples:
            spec = prior.intents[name]
            destination = spec.agent if spec.kind == TOPIC else spec.kind
            if destination in own and destination in (*self._agents, OUT_OF_SCOPE):
                by_destination.setdefault(destination, []).append(len(self._prior_texts))
                self._prior_texts.append(plain(text))
        if not by_destination:
            return
        names = list(by_destination)
        widest = max(len(r) for r in by_destination.values())
        self._prior_index = np.zeros((len(names), widest), dtype=np.intp)
        self._prior_present = np.zeros((len(names), widest), dtype=bool)
        for i, name in enumerate(names):
            r = by_destination[name]
            self._prior_index[i, : len(r)] = r
            self._prior_present[i, : len(r)] = True
        self._prior_at = np.array([self.destinations.index(n) for n in names], dtype=np.intp)
        self._prior_share = np.array([self.prior_weight * self.prior_count / (self.prior_count + own[n]) for n in names])

    def _group(self, name: str) -> str:
        spec = self.intents[name]
        return spec.agent if spec.kind == TOPIC else spec.kind

    def _domain_vocabulary(self) -> frozenset[str]:
        """The stems of the words the business's topic examples and descriptions use, less
        those its small talk and out-of-scope examples use, and those of its `[vocabulary]`. Only the examples
        file's own examples count: customers' messages it includes ramble in words of every trade."""
        topical: set[str] = set()
        other: set[str] = set()
        for name, text in self.examples.examples[: self.examples.written]:
            words = {_stem(w) for w in content_words(folded(text))}
            (topical if self.intents[name].kind == TOPIC else other).update(words)
        for spec in self.intents.values():
            if spec.kind == TOPIC:
                topical.update(_stem(w) for w in content_words(folded(spec.description)))
        # The words the business lists itself always count, even when an out-of-scope example
        # uses one too ("conta" of "conta de água" is still the solar customer's "conta de luz").
        listed = {_stem(w) for word in self.examples.vocabulary for w in content_words(folded(word))}
        return frozenset((topical - other) | listed)

    def domain_words(self, text_folded: str) -> tuple[int, int]:
        """How many words the message has that could name something, and how many of
        them the business's examples use."""
        words = content_words(text_folded)
        # A model code ("x5", "550w", "sb-550m") names a product the customer believes
        # the business has, whatever its name.
        codes = len(_CODE.findall(text_folded))
        named = {m.group(1) for m in _NAMED_NUMBER.finditer(text_folded)}
        return len(words) + codes, sum(_stem(w) in self._vocabulary or w in named for w in words) + codes

    def _says_no_topic(self, text_folded: str) -> bool:
        """A message the conversation's topic is not read from: a question about the assistant, or a need with nothing
        named yet."""
        return about_assistant(text_folded) or self.asks_nothing_yet(text_folded)

    @staticmethod
    def asks_nothing_yet(text_folded: str) -> bool:
        """The message says the customer needs something ("preciso de ajuda", "I have a
        question") and no word of it names a thing or a request, nor a number."""
        return bool(_NEEDS.search(text_folded)) and not re.search(r"\d", text_folded) and not request_words(text_folded)

    def _texts(self) -> list[str]:
        # The examples normalised (once, at start): closer to both spellings customers use.
        return [plain(text) for _, text in self.examples.examples]

    def _prepare(self, matrix: Vectors) -> None:
        own = len(self.examples.examples)
        self._prior_matrix = matrix[own:]
        matrix = matrix[:own]
        prototypes = np.zeros((len(self._names), matrix.shape[1]), dtype=np.float32)
        for i in range(len(self._names)):
            mean = matrix[self._index[i, : self._counts[i]]].mean(axis=0)
            prototypes[i] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        self._prototypes = prototypes
        self._matrix = matrix
        if self.linear_weight and own >= self.linear_examples:
            groups = np.array([self.destinations.index(self._group(n)) for n, _ in self.examples.examples])
            self._linear = LinearHead.fit(matrix, groups, len(self.destinations), self.vector_folder)

    async def start(self) -> None:
        async with self._ready:
            if self._matrix is None:
                self._prepare(await kept_vectors.aencode(self.encoder, self._texts() + self._prior_texts,
                                                         self.vector_folder))

    def start_sync(self) -> None:
        if self._matrix is None:
            self._prepare(kept_vectors.encode(self.encoder, self._texts() + self._prior_texts, self.vector_folder))

    # ------------------------------------------------------------ prediction

    def is_follow_up(self, text: str, matches: CueMatches | None = None) -> bool:
        """Short, opened by "e", "and", "mas", "ok", or (not too long) pointing back at what
        was being discussed ("does that one come with ...", "quanto custa essa com ..."),
        reporting what someone said ("o vendedor falou que ..."), or (`matches`: the message's
        cues) a statement of details that no cue reads as a request ("minha geladeira é
        duplex e tem freezer"): in a conversation, these go on with its matter."""
        words = len(text.split())
        if words <= self.follow_up_words:
            return True
        text_folded = folded(text)
        if holds_the_matter(text_folded):
            return True
        if words > self.points_back_words:
            return bool(_FOLLOW_UP.match(text_folded))
        if _FOLLOW_UP.match(text_folded) or _POINTS_AT_ONE.search(text_folded) or self.reports(text_folded):
            return True
        return matches is not None and "?" not in text_folded and not any(
            c.destination in self._agents and matches(c) for c in self.cues)

    @staticmethod
    def reports(text_folded: str) -> bool:
        """A statement of what someone said or promised, asking nothing."""
        return "?" not in text_folded and _REPORTED.search(text_folded) is not None

    async def predict(self, text: str, history: tuple[str, ...] = (), current_agent: str = "") -> Prediction:
        if self._matrix is None:
            await self.start()
        # Pleasantries say nothing about the topic: the context is the customer's last
        # message that did, and without one the conversation's agent is only the
        # default a greeting got, not a topic to lean to.
        # Nor does a need with nothing named yet ("oi, preciso de uma ajuda"), which was asked back, nor a question
        # about the assistant itself ("quem é vc?", "fala ingles?").
        history = tuple(h for h in history if not is_chit_chat(h) and not self._says_no_topic(folded(h[:1000])))
        if not history:
            current_agent = ""
        matches = CueMatches(folded(text[:1000]))
        if current_agent and len(history) >= 2 and _RETURNING.match(matches.text):
            # "voltando na conta, ...": back to a matter before the last one. The message is read
            # with the earlier request nearest to it, as a follow-up of that request's agent.
            earlier = list(history[:-1][-self.context_turns:])
            vectors = await self.encoder.aencode([text, *earlier])
            index = int(np.argmax(vectors[1:] @ vectors[0]))
            before = self.predict_vectors(earlier[index], vectors[1 + index], None)
            if before.agent in self._agents:
                return self.predict_vectors(text, vectors[0], vectors[1 + index], before.agent, opening=False,
                                            matches=matches, returning=True)
        follow_up = bool(history) and self.is_follow_up(text, matches)
        # The message as the customer wrote it: the input guardrails and the agent's
        # retrieval encode the same text, so the turn computes one vector (the cues read
        # the normalised text; the encoder copes with informal spelling as well either way).
        # A follow-up borrows the meaning of the customer's last requests (the last one
        # counts most): "o número é 3321" after "cadê meu pedido?" says little itself,
        # and the next follow-up needs both.
        context = list(history[-self.context_turns:]) if follow_up else []
        vectors = await self.encoder.aencode([text, *context])
        previous = None
        if context:
            weights = np.array([self.context_decay ** (len(context) - 1 - i) for i in range(len(context))], dtype=np.float32)
            mixed = (weights[:, None] * vectors[1:]).sum(axis=0)
            previous = np.asarray(mixed / max(float(np.linalg.norm(mixed)), 1e-12), dtype=np.float32)
        return self.predict_vectors(text, vectors[0], previous, current_agent, opening=not history, matches=matches)

    def _scores(self, vector: Vectors, previous: Vectors | None,
                similarities: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Each intent's score (nearest examples and prototype) and each destination's (its best intent).
        `similarities`: the examples' similarities to `vector` when the caller has them already
        (used only when there is no `previous` to blend in)."""
        assert self._matrix is not None and self._prototypes is not None, "call start() first"
        # A follow-up is read with the conversation, a closer prior than what any business's
        # customers mean: the generic prior counts only for a message read on its own.
        generic_prior = previous is None
        if previous is not None:
            vector = self._blend(vector, previous)
            similarities = None
        if similarities is None:
            similarities = self._matrix @ vector
        padded = np.where(self._present, similarities[self._index], -np.inf)
        top = top_k(padded, self.k)
        counted = np.isfinite(top)
        knn = np.where(counted, top, 0.0).sum(axis=1) / counted.sum(axis=1)
        intent_scores = (1 - self.prototype_weight) * knn + self.prototype_weight * (self._prototypes @ vector)
        group_scores = np.full(len(self.destinations), -1.0)
        np.maximum.at(group_scores, self._group_index, intent_scores)
        if generic_prior and self._prior_at.size and self._prior_matrix is not None:
            # What customers of any business mean by such words, under the business's own examples.
            near = np.where(self._prior_present, (self._prior_matrix @ vector)[self._prior_index], -np.inf)
            top = top_k(near, self.k)
            counted = np.isfinite(top)
            generic = np.where(counted, top, 0.0).sum(axis=1) / counted.sum(axis=1)
            own = group_scores[self._prior_at]
            group_scores[self._prior_at] = (1 - self._prior_share) * own + self._prior_share * generic
        return intent_scores, group_scores

    def _logits(self, group_scores: np.ndarray, vector: Vectors, previous: Vectors | None,
                linear: bool = True) -> np.ndarray:
        """Each destination's log-odds from its examples' scores, with (`linear`) the linear read of the same
        vector (blended with the conversation's, as the scores were)."""
        logits = group_scores / self.temperature
        if linear and self._linear is not None:
            read = vector if previous is None else self._blend(vector, previous)
            logits = logits + self.linear_weight * self._linear.log_probabilities(read)
        return np.asarray(logits - logits.max())

    def _blend(self, vector: Vectors, previous: Vectors) -> Vectors:
        """A follow-up's vector with the conversation's (`previous`) in it, as the scores read it."""
        blended = vector + self.context_weight * previous
        return np.asarray(blended / max(float(np.linalg.norm(blended)), 1e-12), dtype=np.float32)

    def _near_out_of_scope(self, similarities: np.ndarray, follow_up: bool = False) -> bool:
        """The message itself (its examples' `similarities`, not blended with the conversation)
        is nearly one of the business's out-of-scope examples and clearly farther from every
        agent's: one example that close says more than a word of buying or paying ("quanto tá
        o euro?" is not a sale). A follow-up of a conversation that holds needs FOLLOW_UP_SCOPE
        more: "o cpf eu não sei de cabeça, vou pedir pra ele" in a repair shares a word with
        "segunda via do meu CPF", not its request."""
        if not self._out_rows.size or not self._agent_rows.size:
            return False
        out = float(similarities[self._out_rows].max())
        agents = float(similarities[self._agent_rows].max())
        least, lead = self.near_scope
        return out >= least + (FOLLOW_UP_SCOPE if follow_up else 0.0) and out - agents >= lead

    def _kinds_of_message(self, logits: np.ndarray, matches: CueMatches, staying_with: str = "",
                          holding: str = "", answer: bool = False) -> tuple[list[Cue], bool]:
        """Adds the cues to the log-odds; returns the agent cues that fired and whether the
        whole message is pleasantries. `staying_with`: leave out the cues that do not take
        a conversation from that agent (when judging a change of topic). `answer`: the message
        answers the conversation's agent ("sim", "isso"), which is not small talk. `holding`: the
        agent of a conversation this message follows up; a cue's `against` (a question about
        how a thing is, read cold, is no sale) does not speak against it: in a sale, "does it
        include installation?" asks about the thing being bought."""
        text_folded = matches.text
        words = re.findall(r"[a-z0-9]+", text_folded)
        scope = OUT_OF_SCOPE in self.destinations
        fired = [c for c in self.cues if (c.destination in self._agents or (scope and c.destination == OUT_OF_SCOPE))
                 and staying_with not in c.stays_with and matches(c)]
        fired = self._after_the_contrast(text_folded, fired)
        # A destination any of whose cues matched (even one another cue suppresses) is
        # spoken for: no other cue speaks against it.
        spoken_for = {c.destination for c in fired}
        suppressed = {name for c in fired for name in c.suppresses}
        fired = [c for c in fired if c.name not in suppressed]
        # A cue of something no business of this kind does ("a segunda via do RG") leans out
        # of scope; it is not a request to an agent.
        for cue in (c for c in fired if c.destination == OUT_OF_SCOPE):
            logits[self.destinations.index(OUT_OF_SCOPE)] += cue.weight
        fired = [c for c in fired if c.destination != OUT_OF_SCOPE]
        closing = self._closes(text_folded, len(words), fired)
        if closing:
            # "blz, aguardo o estorno": the matter it names is the one being waited on.
            fired = []
        for cue in fired:
            logits[self.destinations.index(cue.destination)] += cue.weight
        for destination, weight in {d: w for c in fired for d, w in c.against if d not in spoken_for}.items():
            if destination in self._agents and destination != holding:
                logits[self.destinations.index(destination)] -= weight
        chit_chat = not answer and (closing or is_chit_chat(text_folded) or (not fired and about_assistant(text_folded)))
        short = len(words) <= 4
        for i, destination in enumerate(self.destinations):
            if destination == SMALL_TALK:
                # Small talk is a whole message of pleasantries, or close to an example of one.
                # (Thanks that ask nothing and report nothing wrong decide it, whatever the message resembles: "a
                # bateria que trocaram na garantia está funcionando, obrigada" is like many support examples.)
                bonus = THANKS_WEIGHT if closing and _thanks_only(text_folded) else 3.0
                logits[i] += bonus if chit_chat else (-4.0 if fired or not short or answer else -1.0)
            elif destination == UNCLEAR and (not short or fired or chit_chat or answer):
                logits[i] = -math.inf
            elif destination == OUT_OF_SCOPE and fired:
                logits[i] -= 1.5
        return fired, chit_chat

    def _after_the_contrast(self, text_folded: str, fired: list[Cue]) -> list[Cue]:
        """Two matters joined by "mas", "só que", "but" ("quero comprar mais placas, mas agora o inversor
        não liga"; "the app is great, but I want a quote for my mum's house"): the request is the one
        after the contrast. When a request cue of an agent matches there, another agent's cues that match
        only before it are dropped. Money words after it do not count (a fee asked after a fault,
        "mas quanto custa o conserto?", is still the customer's case), nor does what someone said."""
        contrast = _CONTRAST.search(text_folded)
        if contrast is None or not any(c.destination in self._agents for c in fired):
            return fired
        if _REPORTED.search(text_folded, contrast.end()):
            # "... but the quote said 22k": what someone said, set against the case, is no new request.
            return fired
        tail = CueMatches(text_folded[contrast.end():])
        after = {c.destination for c in fired if c.destination in self._agents and c.name not in _MONEY_CUES
                 and c.weight >= self.topic_change_weight and tail(c)}
        if not after:
            return fired
        return [c for c in fired if c.destination not in self._agents or c.destination in after or tail(c)]

    def _closes(self, text_folded: str, words: int, fired: list[Cue]) -> bool:
        """Thanks, an acknowledgement or "I'll wait / think it over", asking nothing."""
        if "?" in text_folded or words > THANKS_WORDS or _ASKS.search(text_folded) or _IDENTIFIER.search(text_folded):
            return False
        if words > CLOSING_WORDS:
            return _thanks_only(text_folded)
        if _WAITING.search(text_folded):
            return all(c.weight < self.strong_cue for c in fired)
        if _thanks_only(text_folded):
            return True
        closing = _CLOSING.search(text_folded)
        if fired or closing is None:
            return False
        # "cool. my panels have a weird white stain on them": an acknowledgement of the last reply,
        # then a matter of its own, which no closing word ends.
        # (Thanks lead it: "so passando pra agradecer, o sistema ta gerando bem" is still thanks.)
        thanks = _THANKS.search(closing.group(0)) is not None
        rest = text_folded[closing.end():] if closing.start() == 0 and not thanks else ""
        return not (len(rest.split()) >= CLOSING_REST_WORDS and self.domain_words(rest)[1] >= 2
                    and not _CLOSING.search(rest))

    def _linear_counts(self, text_folded: str, matches: CueMatches, current_agent: str, lean: bool = True) -> bool:
        """Whether the linear read counts for the message. Not where a strong cue says what the request is (the cues
        were written for what the examples read wrong), nor where the conversation keeps the message (`_kept`), nor
        for a statement in a conversation ("a árvore do vizinho faz sombra no telhado", "quinta à tarde"): it gives
        details of the matter at hand, and the linear read knows no conversation."""
        if current_agent in self._agents and "?" not in text_folded:
            return False
        if any(c.destination in self._agents and c.weight >= self.strong_cue and matches(c) for c in self.cues):
            return False
        return not (lean and self._kept(matches, current_agent))

    def _kept(self, matches: CueMatches, current_agent: str) -> bool:
        """A cue that stays or holds with the conversation's agent matches the message: it reads as part of the case
        ("tem custo a visita?" in a repair), and the linear read, which knows no conversation, does not count (it would
        take the message where such words go cold)."""
        return current_agent in self._agents and any(
            (current_agent in c.stays_with or current_agent in c.holds_with) and matches(c) for c in self.cues)

    def _holds(self, matches: CueMatches, current_agent: str) -> bool:
        """A cue that holds with the conversation's agent (`Cue.holds_with`) matches the message."""
        return any(current_agent in c.holds_with and matches(c) for c in self.cues)

    def _lean(self, logits: np.ndarray, text: str, fired: list[Cue], follow_up: bool, current_agent: str,
              held: bool = False) -> None:
        """A message leans to the conversation's agent, unless a cue names another one (a
        follow-up, "e pra instalar?", "does that one ...", leans more). What someone said,
        reported ("o vendedor falou que era 10 dias"), is told about the matter at hand: only a
        strong cue takes it away. Asking to be sent "the link", "it" asks the agent for what it
        offered: no cue takes that away. `held`: a cue that holds with the agent matched (`_holds`); the
        message is then read as the matter's whatever the other cues name ("e a garantia cobre isso?" in a repair)."""
        if current_agent not in self._agents:
            return
        if follow_up and (is_elliptic(folded(text)) or holds_the_matter(folded(text)) or held):
            # "and the warranty?" in a sale: the conversation's agent or one a cue names, not
            # a third agent the few words happen to resemble (nor "sexta de tarde", "quero falar com um gerente":
            # the matter's visit or its person in charge).
            # (A cue that holds with this agent holds against the other cues too.)
            for agent in self._agents - (set() if held else {c.destination for c in fired}) - {current_agent}:
                logits[self.destinations.index(agent)] -= self.elliptic_weight
        reported = follow_up and self.reports(folded(text))
        # "manda o link", "send it over": the agent is asked for what it offered; no cue moves that.
        sends = follow_up and (_SEND_IT.match(folded(text)) is not None or holds_the_matter(folded(text)) or held)
        if not sends and any(c.destination != current_agent and current_agent not in c.stays_with
                             and c.weight >= (self.strong_cue if reported else self.topic_change_weight) for c in fired):
            return
        prior = self.stay_prior
        if follow_up:
            prior = self.context_prior * (1.5 if sends or _FOLLOW_UP.match(folded(text)) else 1.0)
            if len(text.split()) <= self.clarify_words and not any(c.destination != current_agent for c in fired):
                # A few words that name no request of another agent ("uns 80 reais", "desde
                # ontem", "quanto custa?" about a repair) answer the conversation's matter: what
                # they resemble alone says less than the conversation they belong to.
                prior *= self.bare_follow_up
        logits[self.destinations.index(current_agent)] += prior

    def _scope(self, logits: np.ndarray, group_scores: np.ndarray, text_folded: str, new_request: bool) -> None:
        """Out of scope by the business's words (see the module docstring)."""
        words, known = self.domain_words(text_folded)
        if not words:
            return
        out = self.destinations.index(OUT_OF_SCOPE)
        if known == words:
            # Every word that names something is a word of the business.
            logits[out] -= self.domain_weight
        elif new_request and 2 * known <= words:
            # A new request that uses few of the business's words, and no cue of a request
            # to any agent: most likely something the business does not do (unless it reads
            # as small talk).
            small_talk = group_scores[self.destinations.index(SMALL_TALK)] if SMALL_TALK in self.destinations else -1.0
            nearest_agent = max(group_scores[self.destinations.index(a)] for a in self._agents)
            if small_talk < nearest_agent:
                # Words the examples never use are weak evidence on their own: a business's
                # few examples cannot list every word its customers use. The lean fades
                # as the message comes closer to an agent's examples than to the
                # out-of-scope ones, and is gone when it is clearly closer.
                low, high = self.scope_gap
                gap = float(group_scores[out]) - float(nearest_agent)
                fade = min(1.0, max(0.0, (gap - low) / (high - low)))
                logits[out] += fade * (self.sparse_weight if known else self.foreign_weight)

    def _changes_topic(self, matches: CueMatches, vector: Vectors, current_agent: str,
                       similarities: np.ndarray | None = None) -> bool:
        """The message read alone names enough to stand on its own and another agent
        takes most of its evidence, or it names nothing of the business and reads as out
        of scope. `similarities`: the message's to every example, when the caller has them."""
        text_folded = matches.text
        if len(text_folded.split()) < self.switch_words or _POINTS_BACK.search(text_folded) \
                or self.reports(text_folded) or holds_the_matter(text_folded) \
                or self._holds(matches, current_agent):
            return False
        _, group_scores = self._scores(vector, None, similarities)
        logits = self._logits(group_scores, vector, None, linear=self._linear_counts(matches.text, matches, current_agent))
        _, known = self.domain_words(text_folded)
        if not known:
            # Nothing of the business named, and read alone mostly out of scope: another matter ("me escreve um script em
            # python" in a quote), whatever the conversation's agent. Less sure, it is as often the matter's next step
            # said in other words ("consegue passar pra sexta?" about the technician's visit).
            if OUT_OF_SCOPE not in self.destinations:
                return False
            shares = np.exp(logits) / np.exp(logits).sum()
            return float(shares[self.destinations.index(OUT_OF_SCOPE)]) >= OFF_TOPIC_SHARE
        # A short follow-up ("tem custo a visita?") does not leave its conversation on a cue
        # that stays with the conversation's agent; a longer message is read fully alone.
        short = len(text_folded.split()) <= self.follow_up_words
        fired, _ = self._kinds_of_message(logits, matches, staying_with=current_agent if short else "")
        shares = np.exp(logits - logits.max())
        shares = shares / shares.sum()
        best = self.destinations[int(np.argmax(shares))]
        if best not in self._agents or best == current_agent:
            return False
        if (is_elliptic(text_folded) or _VARIANT.match(text_folded)) and not any(
                c.destination == best and c.weight >= self.topic_change_weight for c in fired):
            # "tá, mas e o prazo", "e se for com bateria?": asked about the matter at hand (or a
            # variant of it); only a cue names another one.
            return False
        threshold = self.switch_share
        if not any(c.destination == best and c.weight >= self.topic_change_weight for c in fired) and (
                short or _FOLLOW_UP.match(text_folded)):
            # A follow-up that only resembles another agent's examples, with no word of that
            # agent's kind of request: the customer is most likely still on their matter
            # ("quanto tempo pra vir um técnico?" in a repair), above all when they speak of
            # their own part in it ("e o roteador, eu levo?").
            if _OWN_PART.search(text_folded):
                return False
            threshold = max(threshold, self.follow_up_switch_share)
        return float(shares.max()) >= threshold

    def _asks_back(self, text_folded: str, group: str, shares: np.ndarray, group_scores: np.ndarray) -> bool:
        """A conversation's first request that no cue reads: asked back when it names a need and
        nothing else ("oi, preciso de uma ajuda", "to com um problema"), or when it is a few
        words that leave two agents too close to call."""
        if self.asks_nothing_yet(text_folded):
            return True
        if group not in self._agents:
            return False
        agent_shares = sorted((float(shares[self.destinations.index(a)]) for a in self._agents), reverse=True)
        close = len(agent_shares) > 1 and agent_shares[0] - agent_shares[1] < self.clarify_margin
        # A request in a sentence of its own is answered by the nearest agent; only
        # a short message, with two agents too close to call, gets a question back.
        short_message = len(text_folded.split()) <= self.clarify_words
        return short_message and (close or float(group_scores.max()) < self.min_similarity)

    def _vague(self, matches: CueMatches, fired: list[Cue]) -> bool:
        """A short message a clarify cue matches, with no strong cue of an agent. (Greetings around it do not make it
        longer: "oi boa tarde, é da X? preciso resolver uma coisa".)"""
        evidence: dict[str, float] = {}
        for c in fired:
            evidence[c.destination] = evidence.get(c.destination, 0.0) + c.weight
        said = [w for w in re.findall(r"[a-z0-9]+", matches.text) if w not in _SMALL_TALK_WORDS]
        return len(said) <= 8 and max(evidence.values(), default=0.0) < self.strong_cue \
            and any(c.destination == CLARIFY and matches(c) for c in self.cues)

    def predict_vectors(self, text: str, vector: Vectors, previous: Vectors | None, current_agent: str = "",
                        opening: bool = True, matches: CueMatches | None = None, returning: bool = False) -> Prediction:
        """`opening`: the message has no earlier request of the conversation to lean on.
        `matches`: the message's cues, when the caller read them already. `returning`: the
        message goes back to an earlier matter (`previous`, whose agent is `current_agent`)."""
        # A message that stands on its own and is plainly about another agent's business
        # ("ah, e o app mostra a economia?" in a billing conversation) is read without
        # the conversation.
        text_folded = folded(text[:1000])
        if matches is None or matches.text != text_folded:
            matches = CueMatches(text_folded)
        assert self._matrix is not None, "call start() first"
        # The message's own similarities to every example: the topic-change check's, the scores' when no
        # conversation is blended in, and the out-of-scope check's always (one product with the examples a turn).
        similarities = self._matrix @ vector
        lean = returning or not (current_agent in self._agents and (
            bool(_NEW_SUBJECT.match(folded(text[:200])))
            or self._changes_topic(matches, vector, current_agent, similarities)))
        if not lean:
            previous = None
        intent_scores, group_scores = self._scores(vector, previous, similarities)
        logits = self._logits(group_scores, vector, previous,
                              linear=self._linear_counts(text_folded, matches, current_agent, lean))
        # A follow-up of a conversation that holds is read with the conversation's agent in
        # view; "sim", "isso" answer that agent.
        follow_up = lean and current_agent in self._agents and (previous is not None or self.is_follow_up(text, matches))
        answer = follow_up and (_ANSWER.match(text_folded) is not None or _WHAT_NEXT.match(text_folded) is not None
                                or holds_the_matter(text_folded))
        # In a conversation that holds, a cue that stays with its agent reads as part of
        # the customer's case ("tem custo?" with support asks the fee of the visit).
        fired, chit_chat = self._kinds_of_message(logits, matches, staying_with=current_agent if lean else "",
                                                  holding=current_agent if follow_up else "", answer=answer)
        if chit_chat and previous is not None and not is_chit_chat(text_folded):
            # "vou ver com meu marido" after a quote: a closing remark that names something is
            # read on its own, not with the request.
            intent_scores, group_scores = self._scores(vector, None, similarities)
            # Read alone, as a message with no conversation is, the linear read with it.
            logits = self._logits(group_scores, vector, None)
            fired, chit_chat = self._kinds_of_message(logits, matches, staying_with=current_agent if lean else "")
        if not chit_chat and OUT_OF_SCOPE in self.destinations:
            # All but an out-of-scope example: that, more than a price or buying word, says what it asks.
            logits[self.destinations.index(OUT_OF_SCOPE)] += self.near_scope_weight * self._near_out_of_scope(
                similarities, follow_up)
            # A new request: the conversation's first, or one read on its own (a new subject).
            self._scope(logits, group_scores, text_folded, not fired and ((opening and not current_agent) or not lean))
        if not chit_chat and lean:
            self._lean(logits, text, fired, follow_up, current_agent, self._holds(matches, current_agent))
        # A topic named with no request ("tenho uma dúvida sobre a fatura"), unless a strong
        # cue says what the request is ("... sobre a fatura que veio errada").
        # (Two cues of one agent together are as strong: "ajuda com o boleto atrasado".)
        vague = not chit_chat and self._vague(matches, fired)

        shares = np.exp(logits - logits.max())
        shares = shares / shares.sum()
        destinations = {d: round(float(s), 3) for d, s in zip(self.destinations, shares, strict=True)}
        best = int(np.argmax(shares))
        if self.destinations[best] == OUT_OF_SCOPE and not chit_chat:
            # Out of scope only when it wins clearly: a request about as near to an agent
            # is that agent's (the customer gets an answer instead of "we don't do that").
            agent = max((self.destinations.index(a) for a in self._agents), key=lambda i: float(shares[i]))
            if float(shares[best]) - float(shares[agent]) < self.scope_margin:
                best = agent
        group = self.destinations[best]
        ranked = {self._names[i]: round(float(intent_scores[i]), 3) for i in np.argsort(-intent_scores)[:4]}
        confidence = round(float(shares[best]), 3)
        unclear = Prediction(UNCLEAR, "", TOPIC, confidence, self.name, ranked, destinations, contextual=True,
                             ask=not current_agent)
        # A need with nothing named yet ("preciso de ajuda com uma coisa") is asked back in a conversation too: it
        # announces a new matter, and nothing in it says which.
        if vague and current_agent and self.asks_nothing_yet(text_folded):
            return replace(unclear, ask=True)
        if group == UNCLEAR or (vague and not current_agent) or (
                not current_agent and not fired and not chit_chat and self._asks_back(text_folded, group, shares, group_scores)):
            return unclear
        in_group = [i for i, g in enumerate(self._groups) if g == group]
        spec = self.intents[self._names[max(in_group, key=lambda i: intent_scores[i])]]
        return Prediction(spec.name, spec.agent, spec.kind, confidence, self.name, ranked, destinations, contextual=True)
