"""Prompt-injection rules.

Word rules run on the canonical view of a text (lower case, accents and
look-alikes folded, words separated by single spaces), so punctuation, casing,
accents, zero-width characters and homoglyphs do not hide them. Marker rules run
on the folded view, which keeps punctuation (chat-template tokens, "system:" at
the start of a line). Vocabulary covers Portuguese and English, and the common
attack phrasings in Spanish, French, German and Italian, because an instruction
smuggled in another language is still an instruction.

Every rule names the kind of attack it detects. Windows between words are
bounded (at most a few words), so no rule backtracks far on hostile input.
"""

from __future__ import annotations

import re
from typing import Any

# The first word of every phrase of a vocabulary, by the vocabulary's expression:
# a rule runs only when the text holds a first word of each vocabulary it needs.
FIRST_WORDS: dict[str, frozenset[str]] = {}


def _any(*words: str) -> str:
    phrases = sorted({w.strip() for w in "|".join(words).split("|") if w.strip()})
    expression = trie_regex(phrases)
    FIRST_WORDS[expression] = frozenset(phrase.split()[0] for phrase in phrases)
    return expression


def trie_regex(phrases: list[str]) -> str:
    """The phrases as one expression shaped like a trie ("ignor(?:e|a|ar)"): a failing
    position is rejected at its first letter instead of once per phrase, which keeps
    the rules fast on long and hostile texts. Matches the same strings as a|b|c."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + render(trie) + ")"


def _need(*vocabularies: str) -> tuple[frozenset[str], ...]:
    return tuple(FIRST_WORDS[v] for v in vocabularies)


def _words(*groups: str) -> tuple[frozenset[str], ...]:
    """Anchors of rules written without _any: each group is a space-separated word set."""
    return tuple(frozenset(group.split()) for group in groups)


def _gap(most: int) -> str:
    return rf"(?: \w+){{0,{most}}}?"


IGNORE_VERBS = _any(
    "ignore|ignora|ignorar|ignorem|ignores|ignoring|ignorez|ignorer|ignoriere|ignoriert|ignorieren|ignorate|ignoren|ignorad",
    "disregard|disregarding|desconsidere|desconsidera|desconsiderar|desconsiderem|desestima|desestime",
    "forget|forgetting|esqueca|esquece|esquecer|esquecam|olvida|olvide|olvidar|olviden|oublie|oubliez|oublier",
    "vergiss|vergessen|vergesst|dimentica|dimenticate|dimenticare|scordati",
    "discard|descarte|descarta|descartar|despreze|desprezar|override|overrule|overwrite|sobrescreva|sobrescrever",
    "bypass|burle|burlar|contorne|contornar|abandon|abandone|abandona|neglect|omita|omite|trascura|trascurare",
    "do not follow|dont follow|don t follow|stop following|nao siga|nao sigas|pare de seguir|deixe de seguir|no sigas|"
    "deja de seguir|ne suis pas|ne suivez pas|befolge nicht|nicht befolgen|non seguire|smetti di seguire|set aside|"
    "pay no attention to|deixe de lado|deja de lado|nevermind|never mind|throw out|jogue fora|skip all",
)
RULE_OBJECTS = _any(
    "instructions|instruction|rules|rule|prompt|prompts|guidelines|guideline|directives|directive|constraints|"
    "restrictions|restriction|programming|policies|policy|guardrails|safeguards|filters|orders|commands|training|norms|"
    "system message|system prompt|context|guidance|limitations",
    "instrucoes|instrucao|regras|regra|diretrizes|diretriz|orientacoes|orientacao|restricoes|restricao|limitacao|normas|norma|"
    "programacao|politicas|politica|comandos|"
    "ordens|filtros|treinamento|limites|limitacoes|configuracoes|mensagem do sistema|prompt do sistema",
    "instrucciones|instruccion|reglas|directrices|indicaciones|restricciones|consignes|consigne|regles|directives|"
    "anweisungen|anweisung|regeln|vorgaben|richtlinien|instruktionen|befehle|einschrankungen|istruzioni|istruzione|regole|"
    "direttive|vincoli|limitazioni",
)
QUALIFIERS = _any(
    "previous|prior|above|earlier|preceding|all|any|every|your|these|those|original|initial|system|existing|old|current|"
    "given|provided|developer|safety|security|content|ethical|moral|built in|default|hidden|preset|pre set",
    "anteriores|anterior|acima|todas|todos|toda|qualquer|quaisquer|suas|seus|sua|seu|tuas|teus|originais|iniciais|sistema|"
    "previas|precedentes|dadas|recebidas|antigas|anteriormente|atuais|padrao|de seguranca|eticas",
    "tus|sus|previas|arriba|vos|tes|toutes|les precedentes|precedentes|anterieures|deine|alle|vorherigen|bisherigen|obigen|"
    "vorigen|ursprunglichen|tue|tutte|precedenti|sopra|ricevute|iniziali",
)
TAIL_QUALIFIERS = _any(
    "above|before|so far|until now|you were given|you received|you have been given|you ve been given|that you have|"
    "acima|antes|ate agora|ate aqui|que voce recebeu|que te deram|que recebeu|que voce tem|arriba|hasta ahora|"
    "ci dessus|jusqu ici|bisher|oben|finora|di sopra|precedenti|anteriores|anteriori|previas|vorher|that came before|"
    "do sistema|of the system|del sistema|du systeme|des systems|di sistema|de seguranca|of safety|internas|internal|internos",
)
EVERYTHING = _any("everything|all of it|all that|tudo|todo|tout|alles|tutto|all this|all of this")
TOLD = _any(
    "you were told|you ve been told|you have been told|you were given|you were programmed|you know|you learned|above|before this|"
    "te disseram|lhe disseram|te foi dito|lhe foi dito|foi dito|te ensinaram|te programaram|voce sabe|voce aprendeu|acima|"
    "te dijeron|sabes|arriba|on t a dit|ci dessus|dir gesagt|oben|ti hanno detto|di sopra|your instructions|suas instrucoes",
)

SHOW_VERBS = _any(
    "reveal|show|print|display|output|repeat|tell|give|share|leak|dump|write|type|copy|paste|list|expose|disclose|recite|"
    "spell|translate|summarize|summarise|describe|read|send|return|echo|provide|what is|what are|what s|whats|what were",
    "revele|revela|revelar|mostre|mostra|mostrar|imprima|imprime|imprimir|exiba|exibe|exibir|repita|repete|repetir|diga|"
    "diz|dizer|conte|me de|me da|me passe|passe|compartilhe|vaze|escreva|escreve|copie|cole|liste|exponha|divulgue|"
    "recite|soletre|traduza|resuma|descreva|leia|envie|retorne|qual e|qual era|quais sao|quais eram|qual foi|quais foram",
    "muestra|muestrame|revela|dime|repite|imprime|escribe|cuales son|cual es|montre|montrez|affiche|affichez|revele|repete|"
    "dis moi|donne|ecris|quelles sont|zeige|zeig|gib|wiederhole|verrate|nenne|schreib|was sind|wie lautet|mostra|mostrami|"
    "rivela|ripeti|dimmi|stampa|scrivi|quali sono",
)
PROMPT_OBJECTS = _any(
    "system prompt|system message|system instructions|system instruction|developer message|developer prompt|"
    "developer instructions|initial prompt|initial instructions|hidden prompt|hidden instructions|secret instructions|"
    "secret prompt|original prompt|original instructions|pre prompt|preprompt|meta prompt|"
    "your initial|your rules verbatim|your system|internal instructions|exact instructions|instructions you received|"
    "instructions you got|original rules|hidden rules|secret rules|"
    "internal rules|confidential instructions|everything above|text above|all of the above|words above|the first message|"
    "your first message|the prompt you were given|instructions you were given|prompt above|instructions above",
    "prompt do sistema|mensagem do sistema|instrucoes do sistema|prompt inicial|instrucoes iniciais|instrucoes originais|"
    "instrucoes ocultas|instrucoes secretas|instrucoes internas|regras internas|seu prompt|suas regras internas|"
    "instrucoes exatas|tudo acima|texto acima|o que esta acima|"
    "a primeira mensagem|sua primeira mensagem|prompt que voce recebeu|instrucoes que voce recebeu|prompt original",
    "prompt del sistema|mensaje del sistema|instrucciones del sistema|tus instrucciones|instrucciones iniciales|"
    "instrucciones originales|tu prompt|prompt systeme|message systeme|instructions systeme|tes instructions|vos instructions|"
    "instructions initiales|ton prompt|votre prompt|systemprompt|system anweisungen|systemanweisungen|"
    "deinen prompt|anfangliche anweisungen|prompt di sistema|istruzioni di sistema|le tue istruzioni|istruzioni iniziali|"
    "il tuo prompt",
)
# Objects that are ordinary in a customer's mouth when a purpose follows ("your instructions for installing").
WEAK_PROMPT_OBJECTS = _any(
    "your instructions|your configuration|your guidelines|your directives|your rules|suas instrucoes|tuas instrucoes|"
    "suas diretrizes|sua configuracao|suas configuracoes|suas regras|tus instrucciones|tus reglas|tes instructions|"
    "vos instructions|deine anweisungen|deine regeln|le tue istruzioni|le tue regole|your prompt",
)
# What follows "your instructions" in an ordinary question ("your instructions for installing").
BENIGN_FOLLOWERS = _any(
    "for|on|about|to|de|da|do|das|dos|para|sobre|of|how|como|regarding|pra|de instalacao|de uso|de montagem|del|du|zur|per"
)
ALWAYS_EXTRACTION = _any(
    "system prompt|prompt do sistema|prompt del sistema|prompt systeme|systemprompt|prompt di sistema|"
    "initial prompt|prompt inicial|pre prompt|preprompt|hidden prompt|prompt oculto|developer message|mensagem do desenvolvedor"
)

JAILBREAK_TERMS = _any(
    "god mode|jailbreak|jailbroken|jail break|do anything now|modo deus|"
    "modo sem restricoes|unrestricted mode|evil mode|chaos mode|"
    "opposite mode|anti ai|unfiltered ai|modo sin restricciones|modo desarrollador|mode developpeur|entwicklermodus|"
    "modalita sviluppatore|uncensored|unfiltered|sem censura|sin censura|sans censure|unzensiert|senza censura|"
    "no ethical guidelines|sem diretrizes eticas|no moral|sem moral|never refuse|nunca recuse|nunca se recuse|nunca recusa|"
    "cannot refuse|can t refuse|cant refuse|nao pode recusar|nao pode se recusar|always comply|sempre obedeca|sempre obedece|"
    "obey me|me obedeca|must obey|deve obedecer|you are free now|voce esta livre|voce foi libertado|you have been freed|"
    "break free|escape your programming|fuja da sua programacao|liberte se|stay in character|continue no personagem|"
    "not bound by|nao esta preso|no esta sujeto|without any rules|sem nenhuma regra|sem regra nenhuma|i have been pwned|"
    "been pwned|pwned|fui hackeado|fui invadido|i have been hacked",
)
PERSONA_SWITCH = _any(
    "you are now|you re now|youre now|you will now be|you ll now be|from now on you are|from now on you will be|"
    "voce agora e|agora voce e|agora voce sera|voce agora sera|a partir de agora voce e|a partir de agora voce sera|"
    "a partir de agora voce vai ser|de agora em diante voce e|ahora eres|a partir de ahora eres|desde ahora eres|"
    "tu es maintenant|desormais tu es|maintenant tu es|du bist jetzt|ab jetzt bist du|ab sofort bist du|ora sei|"
    "da ora in poi sei|d ora in poi sei",
)
PERSONA_NOUNS = _any(
    "ai|ia|assistant|assistente|bot|chatbot|model|modelo|hacker|villain|vilao|character|personagem|persona|free|livre|"
    "unrestricted|sem restricoes|evil|mau|malvado|unfiltered|jailbroken|developer|desenvolvedor|admin|administrador|system|"
    "sistema|root|dan|capable|different|diferente|new|novo|nova|called|chamado|chamada|named|another|outro|outra|gpt|"
    "chatgpt|linux|terminal|shell|interpreter|interpretador|without|sem|sin|sans|ohne|senza|no longer|nao e mais|not an|"
    "libre|asistente|modelo|frei|libero|il|un|une|ein|eine|uno|una",
)
ROLE_VERBS = _any(
    "pretend to be|pretend you are|pretend you re|pretend that you|pretend there are|pretend you have|pretend to have|"
    "finja ser|finja que voce|finja que e|finja que tu|finge ser|finge que voce|finge que e|fingir ser|faca de conta que|"
    "faz de conta que|imagine que voce e|imagine que voce nao|imagine you are|imagine you re|imagine that you are|"
    "roleplay as|role play as|let s play a game|vamos jogar um jogo|vamos brincar de|"
    "play the role|interprete o papel|assume the role|assuma o papel|take on the role|you will play|voce vai interpretar|"
    "finge que eres|finge ser|actua como si|haz de cuenta|fais semblant|joue le role|stell dir vor du bist|tu so als|"
    "fingi di essere|fai finta|simulate being|simule ser|simula ser|simulate a|simule um|simule uma",
)
ACT_AS = _any("act as|act like|aja como|atue como|comporte se como|behave as|behave like|actua como|agis comme|"
              "handle als|verhalte dich wie|agisci come|comportati come|responda como|answer as|respond as|reply as|fale como|"
              "speak as|talk as")
ACT_AS_PERSONA = _any(
    "ai|ia|assistant|assistente|hacker|developer|desenvolvedor|admin|administrador|administrator|system|sistema|"
    "unrestricted|dan|jailbroken|evil|character|personagem|lawyer|advogado|doctor|medico|pirate|pirata|grandma|grandmother|"
    "avo|vovo|linux|terminal|shell|python|interpreter|interpretador|sql|database|chatgpt|gpt|another ai|outra ia|rogue|"
    "criminal|villain|vilao|my deceased|minha falecida|meu falecido|human|humano|owner|dono|ceo|manager|gerente|root",
)
RESTRICTION_FREE = _any(
    "no restrictions|without restrictions|without any restrictions|sem restricoes|sem nenhuma restricao|sem restricao|"
    "sin restricciones|sans restrictions|ohne einschrankungen|senza restrizioni|no filters|without filters|sem filtros|"
    "sem filtro|sin filtros|sans filtre|ohne filter|senza filtri|no censorship|without censorship|no guardrails|sem guardrails|"
    "no safety|sem seguranca|without ethics|sem etica|no limits|sem limites|sin limites|without limits|no rules|sem regras|"
    "sin reglas|sans regles|ohne regeln|senza regole|free from your rules|livre das suas regras",
)
AI_CONTEXT = _any(
    "ai|ia|assistant|assistente|bot|answer|responda|respond|reply|chatbot|model|modelo|llm|gpt|responde|reponds|"
    "antworte|rispondi|ki|speak|fale|talk|converse|you are|voce e|you re|be an|seja uma|seja um",
)

NEW_TASK = _any(
    "your new|your real|your true|your actual|your only|sua nova|seu novo|suas novas|sua verdadeira|seu verdadeiro|"
    "suas verdadeiras|sua unica|seu unico|sua real|tu nueva|tu verdadera|ta nouvelle|ta vraie|deine neue|deine wahre|"
    "il tuo nuovo|la tua nuova|la tua vera",
)
TASK_NOUNS = _any(
    "instructions|task|role|goal|objective|purpose|mission|job|directive|orders|rules|instrucoes|tarefa|papel|objetivo|"
    "missao|funcao|proposito|ordens|regras|instrucciones|tarea|rol|mision|consignes|tache|role|mission|aufgabe|rolle|"
    "anweisungen|compito|ruolo|istruzioni|missione",
)

ENCODINGS = _any(
    "base64|base 64|b64|hex|hexadecimal|rot13|rot 13|binary|binario|morse|cipher|cifra|cifrado|cifrada|encoded|"
    "codificado|codificada|codificadas|encriptado|encrypted|leetspeak|reversed|invertido|invertida|de tras para frente|"
    "backwards|al reves|a l envers|ruckwarts|al contrario|caesar|cesar|unicode tags|zero width",
)
FOLLOW_VERBS = _any(
    "decode and|decodifique e|decodifica e|decifre e|decode then|decode it and|execute|executa|executar|execute it|run it|"
    "follow|siga|segue|seguir|obey|obedeca|obedece|do what|faca o que|faz o que|haz lo que|fais ce|carry out|cumpra|perform|"
    "act on|aja conforme|apply|aplique|sigue|obedece|suis|befolge|folge|esegui|segui",
)
DECODE_VERBS = _any(
    "decode|decodifique|decodifica|decodificar|decifre|decifra|translate|traduza|traduz|traducir|traduce|convert|converta|"
    "traduis|decodiere|ubersetze|decodifica|traduci|interpret|interprete|read|leia",
)
THEN_DO = _any(
    "follow|execute|do it|do what|faca|faz|siga|obey|obedeca|run|cumpra|apply|aplique|act on|aja|sigue|ejecuta|haz|"
    "obedece|suis|execute|befolge|fuhre aus|segui|esegui|fai",
)

PEOPLE = _any("customers|customer|clients|client|clientes|cliente|users|user|usuarios|usuario|leads|lead|contacts|contact|"
              "contatos|accounts|account|person|contas|"
              "people|pessoas|compradores|buyers")
DATA_NOUNS = _any(
    "data|dados|emails|e mails|e mail|email|phones|phone|telefones|telefone|cpfs|cpf|addresses|address|enderecos|endereco|"
    "passwords|senhas|information|informacoes|contato|contatos|contact|"
    "records|registros|list|lista|details|detalhes|numbers|numeros|cards|cartoes|documents|documentos|conversations|"
    "conversas|historico|history|orders|pedidos|names|nomes",
)
ALL_OTHERS = _any("all|every|todos|todas|os outros|as outras|outros|outras|other|others|demais|cada|each|everyone s|"
                  "everybody s|todos os|todas as|tous les|alle|tutti")
SECRETS = _any(
    "api key|api keys|secret key|secret keys|chave de api|chave da api|chaves de api|chaves da api|access token|token de acesso|"
    "admin password|senha do admin|senha de admin|senha do administrador|database password|senha do banco|connection string|"
    "string de conexao|environment variables|variaveis de ambiente|env vars|credentials|credenciais|private key|chave privada|"
    "openai key|anthropic key|internal tools|ferramentas internas|source code|codigo fonte",
)
STRONG_SECRETS = _any(
    "admin password|senha do admin|senha de admin|senha do administrador|root password|senha root|senha de root|"
    "environment variables|variaveis de ambiente|env vars|connection string|string de conexao|database password|"
    "senha do banco|api key|api keys|chave de api|chave da api|secret key|private key|chave privada|access token|"
    "token de acesso|admin credentials|credenciais de admin|credenciais do admin",
)
REQUEST_VERBS = _any(
    "give|send|show|tell|need|want|print|list|share|reveal|what is|whats|what s|me passe|passe|me de|me da|me mande|mande|"
    "mostre|mostra|preciso|quero|qual e|qual a|qual o|revele|envie|liste|imprima|dame|muestra|necesito|donne|montre|gib|"
    "zeig|dammi|mostrami",
)
SECRET_OWNERS = _any(
    "your|sua|suas|seu|seus|system|sistema|admin|server|servidor|database|banco de dados|internal|internas|interno|company s|"
    "da empresa|do servidor|do sistema|do banco|the bot|do bot|tus|tu|vos|deine|tuoi",
)

AUTHORITY = _any(
    "developer|creator|programmer|admin|administrator|owner|maker|engineer|boss|operator|supervisor|trainer|"
    "desenvolvedor|criador|programador|administrador|dono|chefe|engenheiro|operador|treinador|desarrollador|creador|"
    "jefe|developpeur|createur|patron|entwickler|schopfer|chef|sviluppatore|creatore|capo",
)
YOUR = _any("your|seu|sua|teu|tua|tu|ton|votre|dein|deine|il tuo|la tua")
I_AM = _any("i am|i m|im|sou|eu sou|soy|yo soy|je suis|ich bin|io sono|sono|this is|aqui e|quem fala e")

_PRIVILEGED = "(?:admin|root|developer|administrator|administrador|desenvolvedor|sudo|superuser|superusuario)"
_ACCESS = "(?:access|privileges|rights|acesso|privilegios|permissions|permissoes|permisos|acces|zugriff|accesso)"
_BYPASS = ("(?:skip|pular|pule|ignore|ignorar|bypass|burlar|disregard|desconsiderar|override|unlock|liberar|libere|reveal"
           "|revelar|revele|mostrar|mostre|show|give me|me de|me passe|rules|regras|verification|verificacao|restrictions"
           "|restricoes|policy|politica|limits|limites)")

# Word rules, on the canonical view: (kind, regular expression).
WORD_RULES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    ("ignore_instructions", rf" {IGNORE_VERBS}{_gap(4)} {QUALIFIERS}{_gap(3)} {RULE_OBJECTS} ",
     _need(IGNORE_VERBS, RULE_OBJECTS)),
    ("ignore_instructions", rf" {IGNORE_VERBS}{_gap(3)} {RULE_OBJECTS}{_gap(2)} {TAIL_QUALIFIERS} ",
     _need(IGNORE_VERBS, RULE_OBJECTS)),
    ("ignore_instructions", rf" {IGNORE_VERBS}{_gap(2)} {EVERYTHING}{_gap(3)} {TOLD} ", _need(IGNORE_VERBS, EVERYTHING)),
    ("ignore_instructions", rf" {IGNORE_VERBS} (?:the |all |everything |tudo |todo |o que esta |o que ta |lo de |what s |whats |"
                            rf"what is )?(?:above|acima|arriba|ci dessus|oben|sopra|text above"
                            rf"|texto acima) ", _need(IGNORE_VERBS)),
    ("prompt_extraction", rf" {SHOW_VERBS}{_gap(4)} {PROMPT_OBJECTS} ", _need(SHOW_VERBS, PROMPT_OBJECTS)),
    ("prompt_extraction", rf" {SHOW_VERBS}{_gap(4)} {WEAK_PROMPT_OBJECTS} (?!{BENIGN_FOLLOWERS} )",
     _need(SHOW_VERBS, WEAK_PROMPT_OBJECTS)),
    ("prompt_extraction", rf" {ALWAYS_EXTRACTION} ", _need(ALWAYS_EXTRACTION)),
    ("prompt_extraction", rf" {SHOW_VERBS}{_gap(5)} (?:starting|beginning|comecando|iniciando|que comeca|que começa) "
                          rf"(?:with|com|por) (?:you are|voce e|tu es"
                          rf"|eres)", _need(SHOW_VERBS) + _words("starting beginning comecando iniciando que")),
    ("prompt_extraction", rf" (?:verbatim|word for word|palavra por palavra|literalmente|textualmente){_gap(4)} "
                          rf"(?:instructions|prompt|rules|instrucoes|regras|instrucciones|above|acima) ",
     _words("verbatim word palavra literalmente textualmente")),
    ("jailbreak", rf" {JAILBREAK_TERMS} ", _need(JAILBREAK_TERMS)),
    ("jailbreak", r" (?:act as|you are|voce e|be|seja|are now|agora|enable|ative|activate|ativar|entre no|enter|modo|mode"
                  r"|como) dan ", _words("dan")),
    ("jailbreak", r" dan (?:mode|modo|prompt|jailbreak) ", _words("dan")),
    ("jailbreak", rf" {AI_CONTEXT}{_gap(6)} {RESTRICTION_FREE} ", _need(RESTRICTION_FREE)),
    ("jailbreak", rf" {RESTRICTION_FREE}{_gap(6)} {AI_CONTEXT} ", _need(RESTRICTION_FREE)),
    ("role_play", rf" {PERSONA_SWITCH}{_gap(2)} {PERSONA_NOUNS} ", _need(PERSONA_SWITCH)),
    ("role_play", r" (?:roleplay|role play|role playing)(?: \w+){0,3} (?:you are|you re|youre|as|where you|in which you|voce e"
                  r"|como|onde voce|em que voce) ", _words("roleplay role")),
    ("role_play", rf" {ROLE_VERBS} ", _need(ROLE_VERBS)),
    ("role_play", r" (?:you are no longer|you re no longer|youre no longer|voce nao e mais|voce deixou de ser|ya no eres|"
                  r"tu n es plus|du bist nicht mehr|non sei piu) ", _words("you youre voce ya tu du non")),
    ("role_play", r" (?:you are|you re|youre|voce e|voce agora e|tu es|eres|du bist|sei) (?:a |an |um |uma |o |un |une |ein "
                  r"|eine |uno )?(?:hacker|villain|criminal|pirate|pirata|vilao|evil|malvado|malvada|jailbroken|unrestricted"
                  r"|unfiltered|uncensored|scammer|golpista) ", _words("you youre voce tu eres du sei")),
    ("role_play", rf" {ACT_AS}{_gap(2)} {ACT_AS_PERSONA} ", _need(ACT_AS, ACT_AS_PERSONA)),
    ("role_play", r" from now on (?:you |your )?(?:\w+ ){0,2}(?:ignore|no longer|not bound|without|never refuse|always answer|"
                  r"obey|do not follow|must|will answer|are free|have no) ", _words("from")),
    ("role_play", r" (?:a partir de agora|de agora em diante|daqui pra frente|desde ahora|a partir de ahora|desormais|ab jetzt"
                  r"|d ora in poi)(?: \w+){0,3} (?:ignore|ignora|ignorar|nao tem|nao segue|sem|livre|obedeca|obedece|nunca recuse"
                  r"|responda tudo|responde tudo|voce e|eres|tu es|du bist|sei) ", _words("a de daqui desde desormais ab d")),
    ("instruction_override", rf" {NEW_TASK} {TASK_NOUNS} ", _need(NEW_TASK, TASK_NOUNS)),
    ("instruction_override", r" (?:comando|diretiva|ordem|instrucao|instrucoes) (?:do|de) "
                             r"(?:administrador|desenvolvedor|admin|root"
                             r"|sudo) ", _words("administrador desenvolvedor admin root sudo")),
    ("instruction_override", r" (?:override|sobrescreva|substitua|replace|update|atualize|change|mude|altere|modify|modifique)"
                             r"(?: \w+){0,2} (?:your|suas|seu|sua|the system|o sistema) (?:instructions|rules|prompt|programming"
                             r"|instrucoes|regras|programacao|diretrizes|guidelines|system prompt) ",
     _words("override sobrescreva substitua replace update atualize change mude altere modify modifique")),
    ("encoded_instructions", rf" {ENCODINGS}{_gap(6)} {FOLLOW_VERBS} ", _need(ENCODINGS, FOLLOW_VERBS)),
    ("encoded_instructions", rf" {DECODE_VERBS}{_gap(6)} (?:and|e|then|entao|y|et|und|poi"
                             rf"|depois)(?: then)?{_gap(1)} {THEN_DO} ", _need(DECODE_VERBS, THEN_DO)),
    ("encoded_instructions", rf" {FOLLOW_VERBS}{_gap(4)} (?:the |this |o |este |esse |isto "
                             rf"|isso )?{ENCODINGS} ", _need(ENCODINGS, FOLLOW_VERBS)),
    ("data_exfiltration", rf" {ALL_OTHERS}{_gap(2)} {PEOPLE}{_gap(3)} {DATA_NOUNS} ", _need(ALL_OTHERS, PEOPLE)),
    ("data_exfiltration", rf" {DATA_NOUNS} (?:of|from|de|dos|das|do|da|about"
                          rf"|sobre){_gap(2)} {ALL_OTHERS}{_gap(1)} {PEOPLE} ", _need(ALL_OTHERS, PEOPLE)),
    ("data_exfiltration", rf" {SECRET_OWNERS}{_gap(2)} {SECRETS} ", _need(SECRETS)),
    ("data_exfiltration", rf" {SECRETS}{_gap(2)} (?:of|from|do|da|de|dos|das|on|in|no|na) (?:the |o |a |this |este |esse )?"
                          rf"{SECRET_OWNERS} ", _need(SECRETS)),
    ("data_exfiltration", rf" {REQUEST_VERBS}{_gap(3)} {STRONG_SECRETS} ", _need(REQUEST_VERBS, STRONG_SECRETS)),
    ("authority_claim", rf" {I_AM}{_gap(2)} {YOUR} {AUTHORITY} ", _need(YOUR, AUTHORITY)),
    ("authority_claim", r" (?:openai|anthropic|google|meta|microsoft) (?:staff|employee|team|engineer|engineers|funcionario"
                        r"|equipe|time|engenheiro|developer|desenvolvedor"
                        r"|admin) ", _words("openai anthropic google meta microsoft")),
    ("authority_claim", r" (?:staff|employee|engineer|funcionario|funcionaria|engenheiro|engenheira|equipe|time|developer"
                        r"|desenvolvedor|desenvolvedora|empleado|ingeniero|mitarbeiter) (?:da|do|de|at|from|of|en|bei) "
                        r"(?:openai|anthropic|google|meta|microsoft) ", _words("openai anthropic google meta microsoft")),
    ("authority_claim", r" (?:i|eu|yo|je|ich|io) (?:\w+ ){0,2}(?:authorize|authorise|autorizo|permito|allow|autoriso|autorizzo"
                        r"|erlaube) (?:you|voce|te|lhe|vous|dich|ti) (?:\w+ ){0,3}(?:ignore|ignorar|ignore|break|quebrar|bypass"
                        r"|burlar|reveal|revelar|give|dar|conceder|offer|oferecer|disregard|skip|pular) ",
     _words("authorize authorise autorizo permito allow autoriso autorizzo erlaube")),
    ("authority_claim", rf" (?:i have|i ve got|tenho|eu tenho|with|com|tengo|j ai|ich habe|ho)(?: \w+){{0,2}} "
                        rf"(?:{_PRIVILEGED} {_ACCESS}|{_ACCESS} (?:de|of|da|do|d) {_PRIVILEGED}){_gap(6)} {_BYPASS} ",
     _words("admin root developer administrator administrador desenvolvedor sudo superuser superusuario")),
)

# Word rules that do not apply when the text is about a device: "developer mode" or
# "system override" is a jailbreak, unless the customer quotes the monitoring app's or
# the inverter's display.
DEVICE_WORDS = (r" (?:app|apps|aplicativo|aplicativos|application|inverter|inverters|inversor|inversores|display|portal"
                r"|dongle|firmware|monitoring|monitoramento|controller|controlador|bateria|battery|painel|panel|wifi) ")
CONTEXT_RULES: tuple[tuple[str, str, tuple[frozenset[str], ...], str], ...] = (
    ("jailbreak", r" (?:developer mode|dev mode|modo desenvolvedor|modo dev|modo de desenvolvedor|sudo mode|admin mode"
                  r"|modo admin|modo administrador|modo de administrador|administrator mode) ",
     _words("developer dev modo sudo admin administrator"), DEVICE_WORDS),
    ("instruction_override", r" (?:system|admin|administrator|developer|security|root|sudo|emergency|priority)"
                             r" (?:override|command|directive|instruction|instructions|prompt) ",
     _words("system admin administrator developer security root sudo emergency priority maintenance"), DEVICE_WORDS),
)

# Marker rules, on the folded view (lower case, punctuation kept).
MARKER_RULES: tuple[tuple[str, str], ...] = (
    ("system_spoof", r"<\|?\s*(?:im_start|im_end|system|endoftext|end_of_turn|start_of_turn|eot_id|start_header_id)\s*\|?>"),
    ("system_spoof", r"\[/?\s*(?:system|inst|sys|admin|developer|sistema)\s*\]|<</?sys>>|</?\s*(?:system|instructions?|"
                     r"prompt|admin|sistema|developer)\s*>"),
    ("system_spoof", r"(?:^|\n)\s*(?:#{1,6}\s*|\*\*)?(?:system|sistema|admin|developer|desenvolvedor|root|assistant|assistente"
                     r"|sys)(?:\s+(?:prompt|message|mensagem|override|update|note|nota|instruction|instructions|instrucao"
                     r"|instrucoes))?\s*(?:\*\*)?\s*:[^\n]{0,200}?\b(?:ignor|from now|a partir|override|must|deve|should"
                     r"|rules|regras|instruc|prompt|mode|modo|reveal|revele|disable|desative|unrestricted|restric|discount"
                     r"|desconto|allowed|permitido|authorized|autorizad|admin|grant|conceda|atenda tod|comply|obey|obedec"
                     r"|all requests|todos os pedidos|user is|usuario e\b|approv|aprov|unlock|libere|you are|you re\b|voce e\b"
                     r"|voce agora|you will|voce vai|you can now|voce pode agora|no longer|nao e mais)"),
    ("system_spoof", r"(?:^|\n)\s*(?:user|usuario|human|humano|cliente)\s*:.{0,300}\n\s*(?:assistant|assistente|ai|ia|bot)\s*:"),
    ("system_spoof", r"(?:new|updated|novas|nova|novo|nuevas|nuevo|nouvelles|nouveau|neue|neuer|nuove|nuovo|atualizadas"
                     r"|real|verdadeiras|revised|revisadas)\s+(?:system\s+)?(?:instructions|instrucoes|instrucciones|anweisungen"
                     r"|istruzioni|rules|regras|prompt|task|tarefa)\s*:"),
    ("system_spoof", r"(?:end|fim|begin|inicio|start)\s+(?:of\s+|do\s+|da\s+)?(?:the\s+|o\s+)?(?:system\s+|user\s+)?"
                     r"(?:prompt|instructions|instrucoes|conversation|conversa|context|contexto)\b\s*[\].:\-=>#*]"),
    ("code_injection", r"\b(?:select\s+\*\s+from|drop\s+table|union\s+select|delete\s+from\s+\w|insert\s+into\s+\w|"
                       r"truncate\s+table|;\s*--|xp_cmdshell|rm\s+-rf\s+/|/etc/passwd|\$\(curl|os\.system\(|__import__\()"),
    ("markup_injection", r"<\s*script\b|javascript\s*:|\bon(?:error|load|click|mouseover)\s*=|<\s*iframe\b|"
                         r"!\[[^\]]{0,40}\]\(\s*https?://[^)\s]{0,200}[?&][^)\s]{0,200}=|\{\{.{0,40}\}\}|\{%.{0,40}%\}"),
)
