"""The vocabulary of the prompt-injection rules (injection_rules.py): word groups
in several languages, built into bounded regular expressions.

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


def need(*vocabularies: str) -> tuple[frozenset[str], ...]:
    return tuple(FIRST_WORDS[v] for v in vocabularies)


def first_words(*groups: str) -> tuple[frozenset[str], ...]:
    """Anchors of rules written without _any: each group is a space-separated word set."""
    return tuple(frozenset(group.split()) for group in groups)


def gap(most: int) -> str:
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
    "pay no attention to|deixe de lado|deja de lado|nevermind|never mind|throw out|jogue fora|skip all|tira da cabeca|"
    "tire da cabeca|tirar da cabeca|"
    "laisse tomber|laissez tomber|lascia perdere|lasciate perdere|lascia stare|deja a un lado|"
    # "take no notice of" in the other languages: "no hagas caso a", "non dare retta a", "hör nicht auf".
    "no hagas caso a|no hagas caso de|no le hagas caso a|non dare retta a|non dare retta alle|non dare retta ai|"
    "ne tiens pas compte de|ne tiens plus compte de|ne tenez pas compte de|hor nicht auf|achte nicht auf",
    # "take no notice of" in informal Portuguese: "não liga pras instruções", "não dá bola pras regras".
    "nao liga para|nao ligue para|nao liga pra|nao ligue pra|nao liga pras|nao ligue pras|nao liga pros|nao ligue pros|"
    "nao da bola para|nao de bola para|nao da bola pra|nao de bola pra|nao da bola pras|nao de bola pras|"
    "nao da ouvidos a|nao de ouvidos a|nao da ouvidos as|nao de ouvidos as",
)
RULE_OBJECTS = _any(
    "instructions|instruction|rules|rule|prompt|prompts|guidelines|guideline|directives|directive|constraints|"
    "restrictions|restriction|programming|policies|policy|guardrails|safeguards|filters|orders|commands|training|norms|"
    "system message|system prompt|context|guidance|limitations",
    "instrucoes|instrucao|regras|regra|diretrizes|diretriz|orientacoes|orientacao|restricoes|restricao|limitacao|normas|norma|"
    "programacao|politicas|politica|comandos|"
    "ordens|filtros|treinamento|limites|limitacoes|configuracoes|configuracao|configuracion|configuration|konfiguration|"
    "configurazione|mensagem do sistema|prompt do sistema|regulamento|"
    "regulamento interno|regulamentos|normas internas|politica interna|codigo de conduta|internal policy|code of conduct",
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
    "vorigen|ursprunglichen|tue|tutte|precedenti|sopra|ricevute|iniziali|tu|ta|ton|dein|deinen|il tuo|la tua|le tue|"
    "i tuoi|teu|tua",
)
TAIL_QUALIFIERS = _any(
    "above|before|so far|until now|you were given|you received|you have been given|you ve been given|that you have|"
    "acima|antes|ate agora|ate aqui|que voce recebeu|que te deram|que recebeu|que voce tem|arriba|hasta ahora|"
    "ci dessus|jusqu ici|bisher|oben|finora|di sopra|precedenti|anteriores|anteriori|previas|vorher|that came before|"
    "di prima|de antes|d avant|von vorher|da prima|",
    "do sistema|of the system|del sistema|du systeme|des systems|di sistema|de seguranca|of safety|internas|internal|internos|"
    "interno|interna|da empresa|of the company|de la empresa|original|originais|originales|originale|d origine|initial|"
    "inicial|iniciais|iniziale|iniziali|da company|of the empresa|de la company|da companhia|da loja|da farmacia|"
    "da clinica|da academia|of the store|of the shop|of the pharmacy",
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
    "recite|soletre|traduza|resuma|descreva|leia|envie|retorne|qual e|qual era|quais sao|quais eram|qual foi|quais foram|"
    "copia|cola|manda|mande|me manda|traduz|resume|conta|me conta|fala|me fala|passa|me passa|lista|escreve|qual a|qual o|"
    "quais as|quais os",
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
    # How the assistant was set up is what its instructions say: "me mostra como vc foi programado".
    "como voce foi programado|como voce foi programada|como vc foi programado|como vc foi programada|como te programaram|"
    "how you were programmed|how you were set up|how you are programmed|como te programaron|como fuiste programado|"
    "comment tu as ete programme|comment on t a programme|wie du programmiert wurdest|come sei stato programmato",
)
# Objects that are ordinary in a customer's mouth when a purpose follows ("your instructions for installing").
WEAK_PROMPT_OBJECTS = _any(
    "your instructions|your configuration|your guidelines|your directives|your rules|suas instrucoes|tuas instrucoes|"
    "suas diretrizes|sua configuracao|suas configuracoes|suas regras|tus instrucciones|tus reglas|tes instructions|"
    "vos instructions|deine anweisungen|deine regeln|le tue istruzioni|le tue regole|your prompt|"
    # mixed Portuguese and English, as customers write: "what are your instruções?"
    "your instrucoes|your regras|your diretrizes|your configuracao|suas instructions|suas rules|tuas instructions|"
    "tuas rules|teu prompt|seu prompt",
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
    "modo sem restricoes|unrestricted mode|evil mode|chaos mode|modo livre|free mode|modo irrestrito|modo sem limites|"
    "no limits mode|modo rebelde|rebel mode|modo hacker|hacker mode|"
    "opposite mode|anti ai|unfiltered ai|modo sin restricciones|modo desarrollador|mode developpeur|entwicklermodus|"
    "modalita sviluppatore|uncensored|unfiltered|sem censura|sin censura|sans censure|unzensiert|senza censura|"
    "no ethical guidelines|sem diretrizes eticas|no moral|sem moral|never refuse|nunca recuse|nunca se recuse|nunca recusa|"
    "cannot refuse|can t refuse|cant refuse|nao pode recusar|nao pode se recusar|always comply|sempre obedeca|sempre obedece|"
    "obey me|me obedeca|must obey|deve obedecer|you are free now|voce esta livre|voce foi libertado|you have been freed|"
    "break free|escape your programming|fuja da sua programacao|liberte se|stay in character|continue no personagem|"
    "not bound by|nao esta preso|no esta sujeto|without any rules|sem nenhuma regra|sem regra nenhuma|i have been pwned|"
    "been pwned|pwned",
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
    "fingi di essere|fai finta|simulate being|simule ser|simula ser|fingiti|spacciati per|fatti passare per|"
    "fais toi passer pour|faites vous passer pour|gib dich als|gib dich aus als|hazte pasar por|haceos pasar por",
)
ACT_AS = _any("act as|act like|aja como|atue como|comporte se como|behave as|behave like|actua como|agis comme|"
              "comporte toi comme|comportate como|benimm dich wie|benimm dich als|"
              "handle als|verhalte dich wie|agisci come|comportati come|responda como|answer as|respond as|reply as|fale como|"
              "speak as|talk as")
ACT_AS_PERSONA = _any(
    "ai|ia|ki|assistant|assistente|hacker|developer|desenvolvedor|admin|administrador|administrator|system|sistema|"
    "unrestricted|dan|jailbroken|evil|character|personagem|lawyer|advogado|doctor|medico|pirate|pirata|grandma|grandmother|"
    "avo|vovo|linux|terminal|shell|python|interpreter|interpretador|sql|database|chatgpt|gpt|another ai|outra ia|rogue|"
    "criminal|villain|vilao|my deceased|minha falecida|meu falecido|human|humano|owner|dono|ceo|manager|gerente|root",
)
RESTRICTION_FREE = _any(
    "no restrictions|without restrictions|without any restrictions|sem restricoes|sem nenhuma restricao|sem restricao|"
    "sin restricciones|sans restrictions|ohne einschrankungen|senza restrizioni|no filters|without filters|sem filtros|"
    "sem filtro|sin filtros|sans filtre|ohne filter|senza filtri|no censorship|without censorship|no guardrails|sem guardrails|"
    "no safety|sem seguranca|without ethics|sem etica|no limits|sem limites|sin limites|without limits|no rules|sem regras|"
    "sin reglas|sans regles|ohne regeln|senza regole|free from your rules|livre das suas regras|ohne grenzen|senza limiti|"
    "sans limites|sans limite|sans aucune limite|zero limits|zero limites|zero restrictions|zero restricoes|zero rules|"
    "zero regras|zero filters|zero filtros|no holds barred|sem trava|sem travas|sem trava nenhuma|sem nenhuma trava",
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
    "anweisungen|compito|ruolo|istruzioni|missione|briefing|brief|persona|personality|personalidade|personalidad|identity|"
    "identidade|identidad|operating mode|modo de operacao|modo de operacion",
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
