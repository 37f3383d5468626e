"""Prompt-injection rules.

Word rules run on the canonical view of a text (lower case, accents and
look-alikes folded, words separated by single spaces), so punctuation, casing,
accents, zero-width characters and homoglyphs do not hide them. Marker rules run
on the folded view, which keeps punctuation (chat-template tokens, "system:" at
the start of a line). Vocabulary (injection_vocabulary.py) covers Portuguese and
English, and the common attack phrasings in Spanish, French, German and Italian,
because an instruction smuggled in another language is still an instruction.

Every rule names the kind of attack it detects. Windows between words are
bounded (at most a few words), so no rule backtracks far on hostile input.
"""

from __future__ import annotations

from atende_guardrails.injection_vocabulary import (
    ACT_AS,
    ACT_AS_PERSONA,
    AI_CONTEXT,
    ALL_OTHERS,
    ALWAYS_EXTRACTION,
    AUTHORITY,
    BENIGN_FOLLOWERS,
    DATA_NOUNS,
    DECODE_VERBS,
    ENCODINGS,
    EVERYTHING,
    FOLLOW_VERBS,
    I_AM,
    IGNORE_VERBS,
    JAILBREAK_TERMS,
    NEW_TASK,
    PEOPLE,
    PERSONA_NOUNS,
    PERSONA_SWITCH,
    PROMPT_OBJECTS,
    QUALIFIERS,
    REQUEST_VERBS,
    RESTRICTION_FREE,
    ROLE_VERBS,
    RULE_OBJECTS,
    SECRET_OWNERS,
    SECRETS,
    SHOW_VERBS,
    STRONG_SECRETS,
    TAIL_QUALIFIERS,
    TASK_NOUNS,
    THEN_DO,
    TOLD,
    WEAK_PROMPT_OBJECTS,
    YOUR,
    first_words,
    gap,
    need,
)

_PRIVILEGED = "(?:admin|root|developer|administrator|administrador|desenvolvedor|sudo|superuser|superusuario)"
_ACCESS = "(?:access|privileges|rights|acesso|privilegios|permissions|permissoes|permisos|acces|zugriff|accesso)"
_BYPASS = ("(?:skip|pular|pule|ignore|ignorar|bypass|burlar|disregard|desconsiderar|override|unlock|liberar|libere|reveal"
           "|revelar|revele|mostrar|mostre|show|give me|me de|me passe|rules|regras|verification|verificacao|restrictions"
           "|restricoes|policy|politica|limits|limites)")

# Word rules, on the canonical view: (kind, regular expression).
WORD_RULES: tuple[tuple[str, str, tuple[frozenset[str], ...]], ...] = (
    ("ignore_instructions", rf" {IGNORE_VERBS}{gap(4)} {QUALIFIERS}{gap(3)} {RULE_OBJECTS} ",
     need(IGNORE_VERBS, RULE_OBJECTS)),
    ("ignore_instructions", rf" {IGNORE_VERBS}{gap(3)} {RULE_OBJECTS}{gap(2)} {TAIL_QUALIFIERS} ",
     need(IGNORE_VERBS, RULE_OBJECTS)),
    ("ignore_instructions", rf" {IGNORE_VERBS}{gap(2)} {EVERYTHING}{gap(3)} {TOLD} ", need(IGNORE_VERBS, EVERYTHING)),
    ("ignore_instructions", rf" {IGNORE_VERBS} (?:the |all |everything |tudo |todo |o que esta |o que ta |lo de |what s |whats |"
                            rf"what is )?(?:above|acima|arriba|ci dessus|oben|sopra|text above"
                            rf"|texto acima) ", need(IGNORE_VERBS)),
    ("prompt_extraction", rf" {SHOW_VERBS}{gap(4)} {PROMPT_OBJECTS} ", need(SHOW_VERBS, PROMPT_OBJECTS)),
    ("prompt_extraction", rf" {SHOW_VERBS}{gap(4)} {WEAK_PROMPT_OBJECTS} (?!{BENIGN_FOLLOWERS} )",
     need(SHOW_VERBS, WEAK_PROMPT_OBJECTS)),
    ("prompt_extraction", rf" {ALWAYS_EXTRACTION} ", need(ALWAYS_EXTRACTION)),
    ("prompt_extraction", rf" {SHOW_VERBS}{gap(5)} (?:starting|beginning|comecando|iniciando|que comeca|que começa) "
                          rf"(?:with|com|por) (?:you are|voce e|tu es"
                          rf"|eres)", need(SHOW_VERBS) + first_words("starting beginning comecando iniciando que")),
    ("prompt_extraction", rf" (?:verbatim|word for word|palavra por palavra|literalmente|textualmente){gap(4)} "
                          rf"(?:instructions|prompt|rules|instrucoes|regras|instrucciones|above|acima) ",
     first_words("verbatim word palavra literalmente textualmente")),
    ("jailbreak", rf" {JAILBREAK_TERMS} ", need(JAILBREAK_TERMS)),
    ("jailbreak", r" (?:act as|you are|voce e|be|seja|are now|agora|enable|ative|activate|ativar|entre no|enter|modo|mode"
                  r"|como) dan ", first_words("dan")),
    ("jailbreak", r" dan (?:mode|modo|prompt|jailbreak) ", first_words("dan")),
    ("jailbreak", rf" {AI_CONTEXT}{gap(6)} {RESTRICTION_FREE} ", need(RESTRICTION_FREE)),
    ("jailbreak", rf" {RESTRICTION_FREE}{gap(6)} {AI_CONTEXT} ", need(RESTRICTION_FREE)),
    ("role_play", rf" {PERSONA_SWITCH}{gap(2)} {PERSONA_NOUNS} ", need(PERSONA_SWITCH)),
    ("role_play", r" (?:roleplay|role play|role playing)(?: \w+){0,3} (?:you are|you re|youre|as|where you|in which you|voce e"
                  r"|como|onde voce|em que voce) ", first_words("roleplay role")),
    ("role_play", rf" {ROLE_VERBS} ", need(ROLE_VERBS)),
    ("role_play", r" (?:you are no longer|you re no longer|youre no longer|voce nao e mais|voce deixou de ser|ya no eres|"
                  r"tu n es plus|du bist nicht mehr|non sei piu) ", first_words("you youre voce ya tu du non")),
    ("role_play", r" (?:you are|you re|youre|voce e|voce agora e|tu es|eres|du bist|sei) (?:a |an |um |uma |o |un |une |ein "
                  r"|eine |uno )?(?:hacker|villain|criminal|pirate|pirata|vilao|evil|malvado|malvada|jailbroken|unrestricted"
                  r"|unfiltered|uncensored|scammer|golpista) ", first_words("you youre voce tu eres du sei")),
    ("role_play", rf" {ACT_AS}{gap(2)} {ACT_AS_PERSONA} ", need(ACT_AS, ACT_AS_PERSONA)),
    ("role_play", r" from now on (?:you |your )?(?:\w+ ){0,2}(?:ignore|no longer|not bound|without|never refuse|always answer|"
                  r"obey|do not follow|must|will answer|are free|have no) ", first_words("from")),
    ("role_play", r" (?:a partir de agora|de agora em diante|daqui pra frente|desde ahora|a partir de ahora|desormais|ab jetzt"
                  r"|d ora in poi)(?: \w+){0,3} (?:ignore|ignora|ignorar|nao tem|nao segue|sem|livre|obedeca|obedece|nunca recuse"
                  r"|responda tudo|responde tudo|voce e|eres|tu es|du bist|sei) ",
     first_words("a de daqui desde desormais ab d")),
    ("instruction_override", rf" {NEW_TASK} {TASK_NOUNS} ", need(NEW_TASK, TASK_NOUNS)),
    ("instruction_override", r" (?:comando|diretiva|ordem|instrucao|instrucoes) (?:do|de) "
                             r"(?:administrador|desenvolvedor|admin|root"
                             r"|sudo) ", first_words("administrador desenvolvedor admin root sudo")),
    ("instruction_override", r" (?:override|sobrescreva|substitua|replace|update|atualize|change|mude|altere|modify|modifique)"
                             r"(?: \w+){0,2} (?:your|suas|seu|sua|the system|o sistema) (?:instructions|rules|prompt|programming"
                             r"|instrucoes|regras|programacao|diretrizes|guidelines|system prompt) ",
     first_words("override sobrescreva substitua replace update atualize change mude altere modify modifique")),
    ("encoded_instructions", rf" {ENCODINGS}{gap(6)} {FOLLOW_VERBS} ", need(ENCODINGS, FOLLOW_VERBS)),
    ("encoded_instructions", rf" {DECODE_VERBS}{gap(6)} (?:and|e|then|entao|y|et|und|poi"
                             rf"|depois)(?: then)?{gap(1)} {THEN_DO} ", need(DECODE_VERBS, THEN_DO)),
    ("encoded_instructions", rf" {FOLLOW_VERBS}{gap(4)} (?:the |this |o |este |esse |isto "
                             rf"|isso )?{ENCODINGS} ", need(ENCODINGS, FOLLOW_VERBS)),
    ("data_exfiltration", rf" {ALL_OTHERS}{gap(2)} {PEOPLE}{gap(3)} {DATA_NOUNS} ", need(ALL_OTHERS, PEOPLE)),
    ("data_exfiltration", rf" {DATA_NOUNS} (?:of|from|de|dos|das|do|da|about"
                          rf"|sobre){gap(2)} {ALL_OTHERS}{gap(1)} {PEOPLE} ", need(ALL_OTHERS, PEOPLE)),
    ("data_exfiltration", rf" {SECRET_OWNERS}{gap(2)} {SECRETS} ", need(SECRETS)),
    ("data_exfiltration", rf" {SECRETS}{gap(2)} (?:of|from|do|da|de|dos|das|on|in|no|na) (?:the |o |a |this |este |esse )?"
                          rf"{SECRET_OWNERS} ", need(SECRETS)),
    ("data_exfiltration", rf" {REQUEST_VERBS}{gap(3)} {STRONG_SECRETS} ", need(REQUEST_VERBS, STRONG_SECRETS)),
    ("authority_claim", rf" {I_AM}{gap(2)} {YOUR} {AUTHORITY} ", need(YOUR, AUTHORITY)),
    ("authority_claim", r" (?:openai|anthropic|google|meta|microsoft) (?:staff|employee|team|engineer|engineers|funcionario"
                        r"|equipe|time|engenheiro|developer|desenvolvedor"
                        r"|admin) ", first_words("openai anthropic google meta microsoft")),
    ("authority_claim", r" (?:staff|employee|engineer|funcionario|funcionaria|engenheiro|engenheira|equipe|time|developer"
                        r"|desenvolvedor|desenvolvedora|empleado|ingeniero|mitarbeiter) (?:da|do|de|at|from|of|en|bei) "
                        r"(?:openai|anthropic|google|meta|microsoft) ", first_words("openai anthropic google meta microsoft")),
    ("authority_claim", r" (?:i|eu|yo|je|ich|io) (?:\w+ ){0,2}(?:authorize|authorise|autorizo|permito|allow|autoriso|autorizzo"
                        r"|erlaube) (?:you|voce|te|lhe|vous|dich|ti) (?:\w+ ){0,3}(?:ignore|ignorar|ignore|break|quebrar|bypass"
                        r"|burlar|reveal|revelar|give|dar|conceder|offer|oferecer|disregard|skip|pular) ",
     first_words("authorize authorise autorizo permito allow autoriso autorizzo erlaube")),
    ("authority_claim", rf" (?:i have|i ve got|tenho|eu tenho|with|com|tengo|j ai|ich habe|ho)(?: \w+){{0,2}} "
                        rf"(?:{_PRIVILEGED} {_ACCESS}|{_ACCESS} (?:de|of|da|do|d) {_PRIVILEGED}){gap(6)} {_BYPASS} ",
     first_words("admin root developer administrator administrador desenvolvedor sudo superuser superusuario")),
)

# Word rules that do not apply when the text is about a device: "developer mode" or
# "system override" is a jailbreak, unless the customer quotes the monitoring app's or
# the inverter's display.
DEVICE_WORDS = (r" (?:app|apps|aplicativo|aplicativos|application|inverter|inverters|inversor|inversores|display|portal"
                r"|dongle|firmware|monitoring|monitoramento|controller|controlador|bateria|battery|painel|panel|wifi) ")
CONTEXT_RULES: tuple[tuple[str, str, tuple[frozenset[str], ...], str], ...] = (
    ("jailbreak", r" (?:developer mode|dev mode|modo desenvolvedor|modo dev|modo de desenvolvedor|sudo mode|admin mode"
                  r"|modo admin|modo administrador|modo de administrador|administrator mode) ",
     first_words("developer dev modo sudo admin administrator"), DEVICE_WORDS),
    ("instruction_override", r" (?:system|admin|administrator|developer|security|root|sudo|emergency|priority)"
                             r" (?:override|command|directive|instruction|instructions|prompt) ",
     first_words("system admin administrator developer security root sudo emergency priority maintenance"), DEVICE_WORDS),
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
