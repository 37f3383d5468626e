"""The customer's own context: structure that makes attack-like words ordinary.

The injection classifier learns words and word pairs ("ignora" with "instrucciones",
"admin" with "who"), so it also scores a customer who takes back the delivery
instructions they gave, quotes what an agent told them, speaks of the admin of their
WhatsApp group or pastes an error that says "contact admin". What tells them apart is
who owns the rules, words or authority in the message, which a bag of n-grams does not
see:

- the customer's own words or instructions: "a regra que eu te falei", "las instrucciones
  que te di", "the prompt I wrote";
- what the assistant or an agent said, reported back: "vc falou em 12x", "your agent told me";
- the customer pretending, not the assistant: "fai finta che io non sappia niente";
- an authority of someone else's organisation: "o administrador do grupo", "employee of one
  of your business clients", "developer ... for my gym";
- a notice quoted from a device or a letter: "the display shows 'SYS ERR 21 - contact admin'".

`owned_context` says whether a message holds one of these and nothing aimed at the
assistant (its rules, what it was told, a life without restrictions, obedience from now
on, other customers' data, a persona). The classifier's refusal of a message scored only
a little above its threshold is lifted when it does. A few regular expressions over the
canonical view, run only on a message the classifier would refuse."""

from __future__ import annotations

import re

from atende_guardrails.injection_vocabulary import RESTRICTION_FREE
from atende_guardrails.normalize import Folded

_OWN_WORDS = re.compile(
    # "a regra que eu te falei", "as conversas que tive com vcs", "las instrucciones que te di"
    r" que (?:eu )?(?:te |lhe |vos |le )?(?:falei|disse|passei|mandei|dei|escrevi|pedi|enviei|tive|fiz|di|dije|mande|"
    r"escribi|envie) "
    r"| (?:i|we) (?:gave|sent|told|wrote) you | (?:i|we) had with (?:you|your) "
    # "escrevi um prompt no chatgpt", "I used an AI prompt": the customer's own tool
    r"| (?:escrevi|fiz|criei|usei|wrote|made|used|escribi|hice|use) (?:um|uma|a|an|un|una|my|meu|minha|mi) (?:\w+ )?"
    r"(?:prompt|bot|chatbot) "
)
_REPORTED = re.compile(
    r" (?:vc|voce|you|tu|usted|atendente|agent|agente|tecnico|technician|vendedor|gerente|seller|asesora|asesor|colega) "
    r"(?:me |te )?(?:falou|falaram|disse|disseram|told me|said|me dijiste|me dijo|dijiste|dijo|instruiu|instructed me) "
)
_SELF_PRETEND = re.compile(
    r" (?:finge|finja|fingir|pretend|imagine|imagina|fai finta|haz de cuenta|haz como si|faz de conta|fais comme si"
    r"|stell dir vor)(?: que| che| that| como si| dass| qu)? (?:eu|i|io|yo|je|j|ich|we|nos|a gente|noi) "
)
_AUTHORITY = (r"(?:admin|adm|administrador|administradora|administrator|developer|desenvolvedor|desenvolvedora|"
              r"desarrollador|desarrolladora|funcionario|funcionaria|employee|empleado|empleada|staff|gerente|manager|"
              r"moderador|moderator)")
# The business's own things: an authority "do sistema" or "da empresa" still claims the business's power.
_THEIRS = (r"(?:sistema|system|site|sitio|chat|bot|chatbot|assistente|assistant|asistente|plataforma|platform|servidor|"
           r"server|banco|database|painel|panel|equipe|team|suporte|support|empresa|company|loja|store|casa|app|"
           r"aplicativo|aplicacion|voces|vcs|ustedes|you|your|seu|sua|tu|su)")
_OTHER_ORGANISATION = re.compile(
    rf" {_AUTHORITY} (?:do|da|dos|das|del|de la|de los|de las|of the|at the|in the) (?!{_THEIRS} )\w+ "
    rf"| {_AUTHORITY}(?: \w+){{0,4}}? (?:de uma|de um|de una|de un|of a|of an|of one of your|of one of|at a|in a|for a|"
    rf"do meu|da minha|del mi|de mi|de mis|of my|of our|at my|at our|for my|for our|in my|in our|pra minha|pro meu|"
    rf"para mi|para la mia|pra minha|para minha|para meu|no meu|na minha|en mi) "
)
# A notice quoted after the word that introduces it (on the folded view, which keeps the quotes).
_QUOTED_NOTICE = re.compile(
    r"\b(?:shows?|showing|says?|said|displays?|reads|printed|aparece|apareceu|diz|mostra|mostrando|escrito|"
    r"dice|sale|decia|dizia|error|erro)\s*:?\s*['\"\u201c\u2018\u00ab][^'\"\u201d\u2019\u00bb]{3,120}"
    # a window of the message may end before the closing quote
    r"(?:['\"\u201d\u2019\u00bb]|$)"
)
# Who an offer is for: "quais clientes têm direito ao desconto de fidelidade?", "which customers get the
# loyalty discount?" asks about a benefit, not about the people.
_ELIGIBILITY = re.compile(
    r" (?:clientes|customers|clients|usuarios|users|assinantes|subscribers|alunos|members|socios|pacientes) "
    r"(?:\w+ )?(?:tem direito|teem direito|tem acesso|ganham|recebem|podem ganhar|podem usar|get|qualify|are eligible|"
    r"can get|receive|tienen derecho|reciben|pueden usar)(?: \w+){0,3}? (?:desconto|descontos|discount|discounts|"
    r"descuento|descuentos|brinde|brindes|gift|gifts|regalo|bonus|cashback|frete gratis|free shipping|envio gratis|"
    r"promocao|promotion|promo|promocion|oferta|offer|fidelidade|loyalty|fidelidad|pontos|points|puntos|beneficio|"
    r"beneficios|benefit|benefits|upgrade|isencao|waiver|cupom|coupon|cupon) "
)
# Whether the assistant is a person or a program: "o chat de vocês é inteligência artificial?", "are you a bot?".
_WHAT_YOU_ARE = re.compile(
    r" (?:e|eh|is|are you|voce e|vc e|es|eres|is this|isso e|esse chat e|este chat es|o chat de (?:voces|vcs) e|"
    r"your chat is|it s|its) (?:um |uma |a |an |un |una |de )?(?:robo|robot|bot|chatbot|ia|inteligencia artificial|"
    r"ai|artificial intelligence|humano|human|pessoa|person|persona|real|de verdade|automatico|automatic|automated) "
)
# A request the customer sent to the business's API, pasted ("curl -X GET https://... -H 'Authorization: ...'").
_PASTED_REQUEST = re.compile(r" curl (?:\w+ ){0,3}(?:get|post|put|patch|delete|https|http) | (?:get|post|put|patch|delete) "
                             r"(?:https|http|v\d|api) ")

_AIMED_AT_ASSISTANT = re.compile(
    # its rules and setup
    r" (?:your|tua|tuas|teu|teus|sua|suas|seu|seus|tus|tes|vos|deine|tue|its) (?:\w+ )?(?:rules|regras|regrinhas|"
    r"instructions|instrucoes|reglas|instrucciones|prompt|diretrizes|guidelines|orientacoes|programacao|programming|"
    r"configuracao|configuracoes|configuration|filtros|filters|restricoes|restrictions|limites|limits|directives|"
    r"direttive|regole|istruzioni|regeln|anweisungen|consignes|regles) "
    # what it was told
    r"| (?:te|lhe|ti|vos) (?:deram|disseram|passaram|programaram|instruiu|instruiram|configuraram|ensinaram|dieron|"
    r"dijeron|hanno) | (?:you were|were you) (?:told|given|instructed|programmed|configured|trained|set up) | you ve been "
    r"| you have been | set you up "
    r"| (?:voce|vc) recebeu | you received | on t a "
    # from now on, obey
    r"| a partir de agora | daqui (?:pra|para) frente | from now on | desde ahora | de ahora en adelante | d ora in poi "
    r"| da adesso | ab jetzt | desormais | (?:obedeca|obedece|obey|obedezca|obedeceme|obedecer|obedecam) "
    # a persona, a mode, a bypass
    r"| (?:you are now|you re now|voce agora e|vc agora e|agora voce e|agora vc e|ahora eres|now you are|sem censura"
    r"|unfiltered|uncensored|jailbreak|developer mode|modo desenvolvedor|debug mode|modo debug|admin mode|modo admin"
    r"|sem verificar|skip verification|bypass|without checks|system prompt|prompt do sistema|mensagem de sistema"
    r"|system message|api key|credenciais|credentials|credenciales) "
    # the business's rules, its internal or hidden things, its privileges
    r"| (?:company s|the company|da empresa|de la empresa|the business|do negocio|da loja|de la tienda|the store s) "
    r"(?:\w+ )?(?:rules|regras|reglas|instructions|instrucoes|instrucciones|policy|policies|politica|politicas|"
    r"guidelines|diretrizes|too|tambem|tambien) "
    r"| (?:rules|regras|reglas|instructions|instrucoes|instrucciones|guidelines|diretrizes|orientacoes) (?:da|de la|of the|"
    r"do|from the|del) (?:empresa|company|business|loja|store|tienda|negocio) "
    r"| (?:internal|interno|interna|internos|internas|hidden|oculto|oculta|ocultos|ocultas|secret|secrets|secreto|"
    r"secreta|segredo|segredos|confidential|confidencial|confidenciais|painel admin|painel administrativo|admin panel|"
    r"panel de admin|panel de administracion|acesso de admin|acesso admin|admin access|acceso de administrador|"
    r"privilegios|privileges|root|answer anything|responde qualquer coisa|responde tudo|responda tudo|anything i ask|"
    r"tudo que eu pedir|todo lo que pida|contesta todo) "
    # no rule holds any more
    r"| (?:nenhuma|nenhum|no|none of the|ninguna|ningun|aucune|keine|nessuna) (?:\w+ )?(?:regra|regras|rule|rules|"
    r"instrucao|instruction|instrucoes|instructions|regla|reglas|restricao|restriction|orientacao|diretriz) "
    r"| (?:no longer|nao vale mais|nao valem mais|ya no|not anymore|anymore|vale mais|valem mais|nao existe mais) "
    # someone else's data
    r"| (?:outros|outras|other|others|otros|otras|todos os|todas as|all|every|todos los|todas las|all the) "
    r"(?:clientes|customers|clients|usuarios|users|moradores|residents|pacientes|patients|alunos|students) "
    rf"| {RESTRICTION_FREE} "
)


def owned_context(window: Folded, whole: Folded | None = None, reading: str | None = None) -> bool:
    """True when the classifier's window speaks of the customer's own context (module docstring)
    and nothing aimed at the assistant is in it, in the `whole` message it comes from, nor in
    `reading`, what hidden words say (leetspeak read, Base64 decoded) when the classifier judged
    those. The context must be in the window itself: an ordinary sentence elsewhere in a long
    message excuses nothing."""
    canonical = window.canonical
    own = (_OWN_WORDS.search(canonical) or _REPORTED.search(canonical) or _SELF_PRETEND.search(canonical)
           or _OTHER_ORGANISATION.search(canonical) or _QUOTED_NOTICE.search(window.folded)
           or _ELIGIBILITY.search(canonical) or _WHAT_YOU_ARE.search(canonical) or _PASTED_REQUEST.search(canonical))
    if own is None:
        return False
    texts = [canonical] + ([whole.canonical] if whole is not None else []) + ([f" {reading} "] if reading else [])
    return not any(_AIMED_AT_ASSISTANT.search(text) for text in texts)
