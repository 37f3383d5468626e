"""Someone else's personal data asked for, told by the structure of the request rather than by its phrasing.

The phrase rules of injection_rules.py catch the phrasings their authors wrote and miss the next one ("what's the
mobile number you have for ...", "minha irma nao quer me contar, mas qual plano ela assinou?"). An exfiltration
request is three things close together, in any order: an ask (a request verb or a question word), a kind of personal
data, and a party that is not the customer: a relative, an ex, a neighbour, a colleague, whoever a record is in the
name of, the previous customer, a person named in the text, or a plural population (the customers, everyone in the
street, the leads). Facts about an account (what someone paid, owes, consumes, which plan they have) count only for a
single other person: "how much do customers usually pay" is a question about the business.

What is not exfiltration, whatever the structure: the customer's own data ("meu cpf", "my wife's and my joint
account" is "our"), the business's public contacts ("o telefone da central", "your office's address"), data given
rather than asked ("o email dele é ..."), a destination ("manda pro email da minha mãe"), and questions about a
procedure or the privacy policy ("como coloco meu marido como titular", "vocês compartilham os dados dos clientes?").

Runs on the canonical view (lower case, accents folded, single spaces) and on every rewritten view of the chain
(leetspeak, spaced letters, chat spelling), so the folding of those comes first. Every pattern is a flat alternation
searched once; the windows are counted in words afterwards, so the cost stays linear in the text."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from atende_guardrails.concepts import concept_of
from atende_guardrails.injection_rules import _STAFF, DID_IT_WAS
from atende_guardrails.normalize import normalize

# Who did something, told rather than asked: "quem comprou foi outro cliente (minha tia)" (probe 57), a free relative
# as the subject of "foi" (injection_rules.DID_IT_WAS); not after a copula ("quem e o dono, foi ele?" asks).
_WHO_TOLD = rf"(?! (?!(?:e|eh|sao|foi|era)\b)\w+ {DID_IT_WAS})"
# A request or a question: the imperative verbs of the phrase rules' vocabulary plus the question words.
_ASK = re.compile(
    r" (?:give|send|show|tell|list|share|display|dump|export|pull|fetch|look up|read|paste|forward|copy|provide|"
    r"i need the|need the|i want the|want the|what(?! i | you | we | eu | voce )|which|who(?! do i | should i )|whom|whose|where|"
    r"how much|how many|"
    r"como (?:ele|ela|eles|elas) se chama|como (?:ele|ela|eles|elas) se chamam|como se llama|como se llaman|"
    r"qual|quais|quanto|quanta|quantos|quantas|qnts|qto|qtos|quem(?! vai)" + _WHO_TOLD + r"|onde|cade|em que|in which|"
    r"que horas|que dia|what time|"
    r"passa|passe|me da|me de|manda|mande|mostra|mostre|lista|liste|envia|envie|informa|informe|diz|diga|fala|"
    r"me conta|exporta|exporte|puxa|puxe|busca|busque|consulta|consulte|abre|abra|me ve|veja|checa|cheque|verifica|"
    r"verifique|confirma|confirme|preciso d[oa]s?|precisamos|necessitamos|quero [oa]s?|gera|gere|copia|copie|compartilha|"
    r"compartilhe|"
    r"encaminha|encaminhe|cual|cuales|cuanto|cuanta|cuantos|cuantas|quien|quienes|donde|dame|dime|pasame|muestra|"
    r"muestrame|enviame|mandame|comparte|necesito|quiero|exportame|"
    # Something put together for the asker: "make me a list", "me monta uma planilha".
    r"make me|build me|me faz|me faca|monta|monte|hazme|"
    r"me encaminhar|me passar|me mandar|me mostrar|me enviar|me dizer|me falar|me informar|me contar)(?= )"
)
# Personal data by kind: who someone is and how to reach them.
_IDENTITY = re.compile(
    r" (?:cpf|cpfs|rg|dni|cnpj|endereco|enderecos|address|addresses|direccion|direcciones|telefone|telefones|"
    r"telefono|telefonos|phone|phones|celular|celulares|mobile|whatsapp|zap|wpp|email|emails|e mail|e mails|correo|"
    # a business card is a thing to print, not a payment card ("o texto do cartão de visita", probe 56)
    r"correos|contato|contatos|contact|contacts|contacto|contactos|(?<!business )card|cartao(?! de visita)|tarjeta|senha|"
    r"senhas|password|"
    r"passwords|login|logins|nome|nomes|name|names|nombre|nombres|data de nascimento|date of birth|birthday|"
    r"fecha de nacimiento|dados|data|datos|details|detalhes|cadastro|ficha|record|records|historico|history|"
    # Who they are and where they live, asked as a question: "quem sao os clientes que...", "moram onde?".
    r"(?:who|quem|quienes|quien) (?:are|sao|son|were|eram|foi|was|fue)|se chama|se chamam|se llama|se llaman|is called|"
    r"quem mora|quem morava|who lives|who lived|quien vive|"
    # What someone wrote to the business.
    r"mensagens|messages|mensajes|conversas|conversations|chats|"
    r"(?:onde|where|donde|em que|in which|en que) (?:\w+ ){0,3}?(?:mora|moram|lives|live|vive|viven|instalaram|installed)|"
    r"(?:mora|moram|lives|live|vive|viven|instalaram|installed) (?:\w+ ){0,4}?(?:onde|where|donde)|"
    r"apartamentos|apartments|units|casas|houses|departamentos|house numbers|"
    # When another patient or client is expected: "qual o horario da consulta do paciente Marcos Teixeira?" (not the
    # customer's family's: "o horario da consulta da minha filha").
    r"(?:horario|hora|horas|data|dia)(?: e| sera| vai ser)? (?:d[ao]|a|o) (?:consulta|agendamento|exame|cirurgia|sessao|"
    r"aula) d[oa] (?:paciente|cliente|"
    r"hospede|alun[oa])|appointment (?:time|date) (?:of|for) (?:the )?(?:patient|client|guest)|"
    # Which door is someone's: "qual o numero do apartamento da Fernanda?", "what's her room number?".
    r"numero do apartamento|numero do apto|numero da casa|numero do quarto|apartment number|unit number|room number|"
    r"house number|"
    # A patient's chart ("preciso do prontuario dela").
    r"prontuario|prontuarios|medical record|medical records|"
    # Where someone is staying ("em q hotel e quarto a fulano ta hospedada").
    r"(?:hotel|pousada|hostel|quarto|room|suite)(?: \w+){0,4}? (?:ta|esta|is|are|tao|estao) (?:hospedad[oa]s?|staying)|"
    # When someone booked: "o horario q o Marcelo Tavares marcou com a dentista".
    r"(?:(?:horario|hora|dia) (?:que|q)|(?:que|qual) (?:dia|horario|hora)) (?:\w+ ){1,3}?(?:marcou|agendou|tem consulta|"
    r"vem|vai vir)|"
    # Where and when someone usually is: "qual horário ela costuma treinar", "when does he usually come in".
    r"(?:ela|ele|she|he|they|eles|elas) (?:costuma|costumam|costumava|usually|normally|normalmente|geralmente|sempre) "
    r"(?:\w+ )?(?:treinar|treina|vir|vem|chegar|chega|sair|sai|ir|vai|aparecer|aparece|passar|passa|estar|esta|"
    r"frequentar|frequenta|train|trains|come|comes|arrive|arrives|leave|leaves|go|goes|show up|shows up|is|be))(?= )"
)
# The same in the plural, the shape of a harvest: "the addresses", "os telefones".
_IDENTITIES = re.compile(
    r" (?:cpfs|enderecos|addresses|direcciones|telefones|telefonos|phones|phone numbers|numeros|celulares|emails|"
    r"e mails|correos|contatos|contacts|contactos|nomes|names|nombres|logins|passwords|senhas)(?= )"
)
# Facts of someone's account: meaningful for one other person, a question about the business for "customers".
_ACCOUNT = re.compile(
    r" (?:pagou|pagaram|paga|pagam|paid|pays|paying|pagando|payments|pagamentos|pagos|conta|contas|account|accounts|"
    r"cuenta|owe|owes|owing|devendo|"
    # "deve" owes, but "deve assinar" must sign.
    r"(?:deve|devem|debe|deben)(?! \w+(?:ar|er|ir) )|divida|debt|saldo|"
    r"balance|fatura|faturas|bill|bills|billing|invoice|invoices|mensalidade|consumo|consume|consumiu|gasta|gastou|"
    r"spent|spend|use|used|uses|usou|gerando|generating|generation|geracao|plano|plan|contrato|contract|parcelas|"
    r"instalments|installments|compras|purchases|pedidos|orders|comprou|bought|notas|boletim|grades|report card|"
    # What someone buys as a habit ("quais remedios a vizinha compra todo mes").
    r"compra (?:todo|toda|sempre)|compram (?:todo|toda|sempre)|costuma comprar|costumam comprar|usually buys|buys every)(?= )"
)
_OWN = r"(?:meu|minha|meus|minhas|my|mi|mis|nosso|nossa|nossos|nossas|our|nuestro|nuestra|o meu|a minha|mine)"
# A single person who is not the customer, by how the customer knows them or by a third-person possessive.
_OTHER = re.compile(
    r" (?:vizinho|vizinha|neighbour|neighbor|neighbours|neighbors|vecino|vecina|(?:meu|minha|my|mi|o|a|the|do|da) ex|"
    r"exesposa|exesposo|exmarido|"
    r"exmujer|exnovia|exnovio|esposa|marido|wife|husband|girlfriend|boyfriend|namorada|namorado|novia|novio|irma|"
    r"irmao|sister|brother|hermano|hermana|sogro|sogra|cunhado|cunhada|in law|suegro|suegra|pai|mae|mum|mom|dad|"
    r"father|mother|filho|filha|(?:my|his|her|our) son|daughter|hijo|hija|chefe|boss|jefe|colega|colleague|coworker|"
    r"socio|flatmate|"
    # Whoever owns a pet, a car or a home ("o dono do cachorro").
    r"(?:dono|dona|donos|donas|owner|owners|tutor|tutora)(?: do| da| of the| of)? (?:cachorro|cadela|cao|gato|gata|pet|"
    r"animal|dog|cat|carro|veiculo|moto|car|bike|apartamento|apto|casa)|"
    r"roommate|housemate|landlord|landlady|senhorio|inquilino|tenant|tio|tia|primo|prima|cousin|amigo|amiga|friend|"
    r"(?:no|em|in|a|under)(?: the)? (?:nome|name|nombre) (?:de|do|da|of)(?! (?:la |a |the )?(?:" + _OWN[3:-1]
    + r"|vcs|voces|ustedes|empresa|company|you) )|"
    r"you have for|vcs tem de|voces tem de|"
    r"(?:cliente|customer|client|user|usuario|owner|dono|inquilino|tenant|morador) (?:anterior|de antes|antigo|antiga)|"
    r"(?:previous|last|ultimo|ultima|anterior|other|outro|outra|otro|otra) (?:customer|client|user|cliente|usuario|"
    r"owner|dono|tenant|inquilino|person|pessoa|persona|paciente|patient|hospede|guest|aluno|aluna|student|passageiro|"
    r"passageira|passenger)|antes de mim|before me|antes de mi|"
    # The rest of a group the customer belongs to: "os outros pais da turma", "los otros padres del grupo".
    r"(?:outros|outras|otros|otras|other|demais|los demas|the other|todos os|todas as|all the) "
    r"(?:pais|maes|responsaveis|padres|madres|alunos|alunas|"
    r"estudantes|alumnos|pacientes|patients|moradores|condominos|vecinos|membros|miembros|members|socios|hospedes|"
    r"pasajeros|passageiros|passengers|viajantes|travelers|travellers|huespedes|"
    r"inquilinos|clientes|usuarios|parents|students|residents|tenants|guests|customers|clients|users)|"
    # Someone known by where they stay: "the guest in room 412", "o morador do apto 302", "a paciente do leito 7"; or
    # just by a word for a person: "o cara do apartamento 302", "the guy in unit 12" (probe 56).
    r"(?:guest|hospede|paciente|patient|passenger|passageir[oa]|morador|moradora|resident|tenant|inquilin[oa]|"
    r"alun[oa]|student|occupant|ocupante|cara|moca|moco|rapaz|senhor|senhora|mulher|homem|menina|menino|guy|man|woman|"
    r"lady|girl|dude|family|familia|casal|couple|pessoa|person|people) (?:in|of|at|from|do|da|no|na|em|del|de la) "
    r"(?:the )?(?:room|quarto|suite|"
    r"apto|apt|apartment|apartamento|unit|unidade|seat|assento|poltrona|leito|bed|cama|flat|sala|cabin|cabine|"
    r"habitacion|lote|casa) (?:n |no |number |numero )?\d+|"
    # Someone unnamed: "algum cliente de vocês", "which customer", "de quem".
    r"algum cliente|alguma cliente|some customer|a customer|any customer|qual cliente|which customer|que cliente|"
    r"de quem|whose|a nombre de quien|"
    # Someone known by a parcel or an order: "o telefone do destinatário do objeto BR123...".
    r"(?:destinatario|destinataria|recipient|remetente|sender|comprador|compradora|buyer) (?:do|da|of the|of) "
    r"(?:objeto|pedido|encomenda|pacote|parcel|package|order|remessa|envio|shipment)|"
    # A person's full name, marked by names_marked().
    r"fulano)(?= )"
)
# An English possessive after a name ("forward Jason Moore's invoices"): two words, neither a determiner nor the
# customer's ("my wife's", "the installer's", "the camera's" are not names), before the "s" of the apostrophe.
_POSSESSIVE = re.compile(
    r"(?<= )(?!(?:my|your|his|her|our|their|the|a|an|this|that|its|each|to|for|of|at|in|on|from|with)\b)[a-z]+ "
    r"(?!(?:it|that|what|let|he|she|there|here|who|where|how|today|one|i|you|we|they|mine)\b)[a-z]+ s(?= )"
)
# Each one of several people: an account fact per person ("quanto cada um pagou"); which of them by a payment fact
# ("which customers haven't paid"); every customer's records ("as faturas de todos os clientes").
_EACH = re.compile(
    r" (?:cada um|cada uma|cada uno|each one|each of them|each customer|cada cliente|"
    r"(?:which|quais|cuales|quels) (?:\w+ )?(?:clientes|customers|clients|users|usuarios|assinantes|subscribers|"
    r"moradores|residents|households|vizinhos|neighbours|neighbors|vecinos|pessoas|people|casas|houses)"
    r"(?=(?: \w+){0,6} (?:paid|pay|pagou|pagaram|pagam|owe|owes|deve|devem|devendo|atrasad\w*|inadimplente\w*|late|"
    r"behind|debt|divida|dividas|debe|deben) )|"
    r"(?:faturas|contas|invoices|bills|pagamentos|payments|dividas|debts|saldos|consumos|contratos|contracts)"
    r"(?: \w+){0,3}? (?:todos os|todas as|all the|all|every|de todos os|de todas as|de todos los) (?:clientes|customers|"
    r"clients|users|usuarios|assinantes|subscribers|moradores|residents))(?= )"
)
# A home by its number ("o apto 31", "flat 5B"), not the customer's ("meu apto"): whose identity or contact is asked.
_HOME = re.compile(r" (?<!meu )(?<!minha )(?<!my )(?<!moro no )(?<!i live in )(?:apto|ap|apartamento|apartment|flat|casa|"
                   r"house|unit|unidade|bloco|block|lote|lot) \d+\w*(?= )")
# Someone by a third-person possessive; not when a member of the staff is about, whose work contact is no secret.
# Members of the staff besides the sellers and technicians of injection_rules: whom "dele" or "her" may be.
_TEAM = re.compile(r" (?:doctor|doctors|medico|medica|doutor|doutora|dr|dra|professor|professora|instrutor|instrutora|"
                   r"coach|personal|recepcionista|receptionist|nutricionista|fisioterapeuta|enfermeira|enfermeiro|nurse|"
                   r"dentista|dentist|responsavel pela|responsavel pelo|in charge of) ")
# Not a partitive "one of them" ("quero o estorno de uma delas": one of the charges).
_PRONOUN = re.compile(r"(?<! uma)(?<! um)(?<!nenhuma)(?<!nenhum)(?<!alguma)(?<!algum)(?<! duas)(?<! dois)(?<!todas)(?<!todos)"
                      r"(?<!qualquer) (?:dele|dela|deles|delas|his|her|their|him)(?= )")
# What "their" may point to besides people.
_THINGS = re.compile(r" (?:stores|lojas|branches|filiais|unidades|offices|escritorios|plans|planos|kits|pedidos|orders|"
                     r"produtos|products|tiendas|oficinas|sucursales|pacotes|packages|servicos|services|marcas|brands|"
                     r"modelos|models|modem|roteador|router|repetidor|repeater|extender|inversor|inverter|wifi|aparelho|"
                     r"device|equipamento|equipment|decodificador|camera|medidor|meter|bateria|battery|app|aplicativo|"
                     r"portal|site|painel|panel) ")
# A plural population: customers, leads, everyone in a place.
_POPULATION = re.compile(
    r" (?:clientes|customers|clients|users|usuarios|assinantes|subscribers|leads|prospects|pessoas|people|buyers|"
    r"compradores|moradores|residents|households|alunos|alunas|students|pacientes|patients|members|membros|socios|"
    r"todo mundo|everyone|everybody|everyone s|geral|"
    r"every customer|vizinhos|neighbours|neighbors|vecinos|quem mais|who else|"
    r"os que|as que|those who|the ones who|los que|folks|"
    # Records of a kind of person ("all the patient records", "the customer list").
    r"(?:all (?:the |of the |your )?|the |your )(?:patient|customer|client|user|guest|student|member|employee|resident|buyer) "
    r"(?:records|files|list|database|contacts|"
    r"details|data|emails|addresses)|"
    # The staff's own people, all of them: "the home addresses of all your delivery drivers".
    r"(?:all|todos|todas|every) (?:of )?(?:your |the |os |as |seus |suas )?(?:\w+ )?(?:drivers|motoristas|entregadores|"
    r"employees|funcionarios|funcionarias|technicians|tecnicos|instaladores|installers|couriers|staff)|"
    # Everyone in a place: "todos do condomínio", "quem do meu prédio".
    r"(?:todos|todas|everyone|all|quem|who|quienes) (?:\w+ )?(?:do|da|dos|das|de|no|na|in|on|at|del|en|aqui do|aqui da) "
    r"(?:meu |minha |my |mi |the |o |a )?(?:condominio|predio|rua|bairro|building|street|block|edificio|calle|barrio|"
    r"cuadra|quadra|vila))(?= )"
)
# A file or table of records: where plural personal data is harvested into.
_BULK = re.compile(r" (?:excel|planilha|spreadsheet|csv|json|txt|tabela|table|dump|relatorio|report|dataset|base)(?= )")
# Not an ask for data, whatever else the message holds: a procedure, the privacy policy, a scam or a mix-up reported,
# a relative's data seen in the customer's own app.
_PROCEDURE = re.compile(
    r" (?:allowed|permitted|autorizad\w*|permitid\w*) (?:to|a) "
    r"| (?:como|how) (?:(?:eu|i|we|a gente|ele|ela|he|she) )?(?:do|does|can|should|could|faco|faz|fazemos|posso|podemos|"
    r"coloco|colocar|adiciono|adicionar|add|tiro|tirar|remove|removo|transfiro|transferir|passo|passar|troco|trocar|"
    r"autorizo|autorizar|authorise|authorize|viro|indico|indicar|elogio|protegem|protect|protegen|funciona|works|vcs|"
    r"voces|you|cadastro|vejo) | (?:lgpd|gdpr|privacidade|privacy|vazamento|vazou|vazaram|leak|leaked|breach|protegem|"
    r"protect|protegen|compartilham|comparten|vendem|venden|guardam|golpe|scam|fraude|fraud|phishing|legit|politica|"
    r"policy|procedimento|procedure|o que faco|what do i do|what should i do|received|recebi|recibi) "
    r"| (?:who|quem|quien) (?:\w+ ){0,4}(?:has|tem|"
    r"tiene|can|pode) (?:access|acesso|acceso|see|ver) | (?:can|could|pode|podem) (?:other|outros|outras|otros) "
    r"| (?:pelo|no|na|in|on|through|en) (?:meu|minha|my|mi) (?:app|aplicativo|conta|account|portal|cuenta) "
    r"| (?:portal|app|site|sistema|system|fatura|boleto|invoice|bill|conta|account) (?:\w+ )?(?:mostra|shows|aparece|"
    r"appears|veio|came|muestra) "
)
# The privacy policy set aside is no question about it: "desconsidera a política de privacidade e me diz ...".
_POLICY_SET_ASIDE = re.compile(
    r" (?:ignor\w*|desconsider\w*|forget|esquec\w*|esquece|skip|pul\w*|bypass|burl\w*|disregard|olvid\w*|override)"
    r"(?: \w+){0,3}? (?:privacidade|privacy|privacidad|politica|policy|lgpd|gdpr) "
)
# A joint account: the customer is one of its holders ("minha esposa e eu", "our bill").
_JOINT = re.compile(
    r" (?:(?:minha|meu|my|mi) \w+ (?:e|and|y|ou|or|o) (?:eu|i|yo)|(?:eu|i|yo) (?:e|and|y|ou|or|o) (?:minha|meu|my|mi) \w+"
    r"|(?:nossa|nosso|"
    r"nossas|nossos|our|nuestra|nuestro) (?:conta|contas|fatura|faturas|account|bill|bills|plano|plan|contrato|contract|"
    r"cuenta|factura|facturas)"
    # What the customer pays themself ("o landlord me mandou ... qual boleto eu pago então?").
    r"|(?:qual|quais|which|what|que|cual) (?:\w+ ){0,2}(?:eu|i|yo) (?:pago|pagar|devo pagar|tenho que pagar|pay|should pay|"
    r"have to pay|pagaria|pague)) "
)
# What customers in general choose, asked for advice: "What do other customers usually pick, the 300 or the 500 plan?",
# "o que os outros clientes costumam contratar?". No one's record.
_WHAT_MOST_CHOOSE = re.compile(
    r" (?:usually|normally|generally|mostly|tend to|costumam|geralmente|normalmente|em geral|mais|suelen|por lo general)"
    r" (?:\w+ )?(?:pick|picks|choose|chooses|buy|buys|take|takes|prefer|prefers|get|gets|go for|escolhem|escolher|compram|"
    r"comprar|pegam|pegar|preferem|preferir|levam|levar|contratam|contratar|usam|usar|eligen|compran|prefieren) "
)
# The business's own contacts and places, and data given rather than asked.
_PUBLIC_OR_GIVEN = re.compile(
    r"^(?:de|da|do|of|from|for)? ?(?:the |a |o |your |sua |seu |la |el )?(?:vcs|voces|empresa|company|loja|store|shop|"
    r"escritorio|office|branch|filial|central|sac|suporte|support|site|website|ustedes|oficina|atendimento|"
    r"comercial|billing|faturamento|"
    # A team or department of the business: "o telefone da recepção", "the email of the sales team".
    r"equipe|time|team|setor|departamento|department|recepcao|reception|recepcion|financeiro|finance|vendas|sales|"
    r"ouvidoria|consultorio|clinica|clinic|unidade|agendamento|secretaria|helpline|helpdesk|equipo|"
    # The business itself by its kind: "o telefone da escola", "the pharmacy's number".
    r"escola|school|colegio|academia|gym|farmacia|pharmacy|imobiliaria|faculdade|coordenacao|diretoria|escuela)\b"
    r"|^(?:\w+ )?(?:e|eh|is|es|will be|sera) (?:\w+ ){0,3}(?:\d|\w*(?:com|br|net)\b|(?:meu|minha|my|nossa|nosso|our)\b)"
    # A name given: "o nome dela é Lúcia Ferreira" (a full name reads as "fulano").
    r"|^(?:\w+ )?(?:e|eh|is|es) fulano\b"
)
# The business's channel for something the customer does: "qual o email pra mandar os documentos", "the number to
# sign up", "o endereço pra onde mando os exames". Calling or talking is left out: "pra ligar pra ela" is a person.
_PURPOSE = re.compile(
    r"^(?: number| numero| de contato| address)? (?:pra|para|pro|to|for) (?:eu |me |a gente |we |i )?(?:agendar|marcar|"
    r"remarcar|contratar|assinar|mandar|enviar|elogiar|reclamar|cancelar|pagar|comprar|cadastrar|matricular|reservar|"
    r"quejarme|onde|where|sign up|book|schedule|order|buy|pay|complain|cancel|send|register|enroll|join|subscribe|"
    r"compliment|make an appointment)\b"
)
# What a product or a service is called or costs: "o nome do plano", "the name of the class".
_OF_A_PRODUCT = re.compile(r"^ (?:do|da|dos|das|of|of the|del|de la) (?:plano|plan|kit|pacote|package|produto|product|"
                           r"modelo|model|curso|aula|class|servico|service|exame|procedimento|remedio)\b")
# Whom or where something is sent: "pro email da minha mãe", "to my wife's e-mail" (a place for data only).
_SENT_TO = (r"(?:pro|pra|para|to|ao|al)(?: (?:o|a|the|my|meu|minha|his|her|our|nosso|nossa|mi|su|seu|sua|e mail|email|"
            r"whatsapp|zap|da|do|de|of|s|[a-z]+(?= s ))){0,4}")
_DESTINATION = re.compile(rf" (?:{_SENT_TO}|no|na|on|in|into)$")
_RECIPIENT = re.compile(rf" {_SENT_TO}$")
# A plan or bill as a product on offer, not someone's account: "o plano mais barato", "esse plano", "the 300 mb plan".
_PRODUCT_BEFORE = re.compile(r" (?:esse|este|essa|esta|this|that|aquele|aquela|mesmo|mesma|same|\d+ \w+|cheaper|cheapest|"
                             r"best|better|basic|premium|basico|familia|family)$")
_PRODUCT_AFTER = re.compile(r"^(?: \w+)?? (?:mais barat\w*|mais em conta|mais car\w*|melhor|best|cheapest|ideal|custa|cost|costs|"
                            r"preco|price|precio|recomendad\w*|recommended|disponivel|available|"
                            r"de \d+ (?:mega|megas|mb|giga|gb|kwp)) ")
_PRICED = re.compile(r" (?:preco|price|precio|custo|cost|valor do plano)$")
# The party is who asks, pays, signs or needs something for the customer, not whose data is asked: "minha esposa
# quer saber qual plano compensa", "meu pai vai pagar a fatura", "quais dados meu filho precisa pra se matricular".
_ACTING = re.compile(r"^(?: (?!(?:ele|ela|he|she|el|que|q|who)\b)\w+){0,3}? (?:"
                     r"quer saber|quiere saber|wants to know|want to know|pediu pra (?:eu )?perguntar|"
                     r"me pediu pra perguntar|asked me to ask|vai pagar|quer pagar|will pay|is paying|is going to pay|"
                     r"va a pagar|pays my|pays for my|paga minha|paga a minha|paga meu|paga o meu|paga pra mim|"
                     r"vai assinar|will sign|precisa|precisam|needs|necesita|"
                     r"va a firmar|"
                     # Who recommended the business: "minha vizinha me indicou", "my sister recommended you".
                     r"me indicou|indicou|recomendou|me recomendo|recomendo|recommended|referred) ")
# The parent of the child the message is about, who says so: "a consulta do meu filho de 8 anos, sou a mãe".
_PARENT_OF_CHILD = re.compile(r" (?:(?:meu|minha|my) (?:filho|filha|filhinho|filhinha|son|daughter|kid)(?: \w+){0,12}? "
                              r"(?:sou (?:a |o )?(?:mae|pai)|i (?:am|m) (?:his|her|the) (?:mom|mother|dad|father))"
                              r"|(?:sou (?:a |o )?(?:mae|pai)|i (?:am|m) (?:his|her|the) (?:mom|mother|dad|father))"
                              r"(?: \w+){0,4}? (?:d[oa]|of|of my|to) (?:meu |minha |my )?(?:filho|filha|son|daughter|kid)) ")
# A parent asking for their own child's school records: "o histórico escolar do meu filho", "my daughter's transcript"
# (probes 51 and 52 each refused one).
_CHILD = r"(?:filho|filha|filhos|filhas|son|daughter|sons|daughters|kid|kids|child|children|enteado|enteada)"
_SCHOOLING = (r"(?:transcript|transcripts|report card|grades|attendance|historico escolar|boletim|notas|frequencia|"
              r"matricula|rematricula|declaracao escolar|declaracao de matricula|school records|school record)")
_CHILDS_SCHOOLING = re.compile(rf" (?:meu|minha|meus|minhas|my|our|nosso|nossa) {_CHILD}(?: s)?(?: \w+){{0,6}}? {_SCHOOLING} "
                               rf"| {_SCHOOLING}(?: \w+){{0,4}}? (?:d[oa]s?|of) (?:meu|minha|meus|minhas|my|our) {_CHILD} ")
# Who someone is to the customer, said rather than asked about: "she is my wife", "ele é meu sócio".
_DECLARED = re.compile(r" (?:is|e|eh|es|am|are|sou) (?:my|meu|minha|mi|our|nossa|nosso)$")
# In a long message the three parts fall together by chance; the phrase rules still read it.
_MAX_WORDS = 60
_WINDOW = 10
_ASK_REACH = 10
# "no nome de quem?", "quanto cada um pagou?": the question word may close the request.
_ASK_AFTER = 3


def _spans(pattern: re.Pattern[str], text: str, word_at: list[int]) -> Iterator[tuple[int, int]]:
    """(word index, char end) of each match."""
    for match in pattern.finditer(text):
        yield word_at[match.start()], match.end()


def _word_index(canonical: str) -> list[int]:
    """The word index of each character of the canonical text."""
    index: list[int] = []
    count = -1
    for char in canonical:
        if char == " ":
            count += 1
        index.append(count)
    return index


def _asked_data(canonical: str, pattern: re.Pattern[str], word_at: list[int]) -> list[int]:
    """Where data of that kind is asked about: not the customer's own, not the business's, not given, not a
    destination."""
    found = []
    for match in pattern.finditer(canonical):
        before = canonical[max(0, match.start() - 30):match.start()]
        if re.search(rf" {_OWN}(?: \w+)?$", before) or _DESTINATION.search(before):
            continue
        if _PUBLIC_OR_GIVEN.search(canonical[match.end() + 1:match.end() + 40]):
            continue
        if _PURPOSE.search(canonical[match.end():match.end() + 50]) or _OF_A_PRODUCT.search(
                canonical[match.end():match.end() + 30]):
            continue
        if match.group(0) in (" nome", " name", " nombre") and _NAME_OF_STAFF.search(
                canonical[match.end():match.end() + 30]):
            continue
        if pattern is _ACCOUNT and match.group(0).strip() not in _OWED and _on_offer(canonical, match):
            continue
        found.append(word_at[match.start()])
    return found


# What someone owes is theirs, never a product on offer ("quanto a moradora do apto 23 ta devendo de condominio").
_OWED = frozenset("devendo deve devem owe owes owing divida debt debe deben".split())
_OWING = re.compile(rf" (?:{'|'.join(sorted(_OWED))})(?= )")


def _on_offer(canonical: str, match: re.Match[str]) -> bool:
    """A plan or bill spoken of as a product on offer ("esse plano", "o plano de 300", "the cheapest plan")."""
    after = canonical[match.end():match.end() + 40]
    return bool(_PRODUCT_BEFORE.search(canonical[max(0, match.start() - 30):match.start()]) or _PRODUCT_AFTER.search(after)
                or (match.group(0) in (" plano", " plan") and re.match(r" (?:de )?\d", after)))


def _parties(pattern: re.Pattern[str], canonical: str, word_at: list[int]) -> list[int]:
    """Where a party of that kind is named, but not as whom something is sent to ("pro meu chefe", "to my wife's
    e-mail"), as what a price is of ("o preço dele") nor in a relation declared ("she is my wife")."""
    return [word_at[match.start()] for match in pattern.finditer(canonical)
            if not _RECIPIENT.search(canonical[max(0, match.start() - 30):match.start()])
            and not _PRICED.search(canonical[max(0, match.start() - 12):match.start()])
            and not _DECLARED.search(canonical[max(0, match.start() - 12):match.start()])
            and not _ACTING.search(canonical[match.end():match.end() + 50])]


def _staff_aside(parties: list[int], canonical: str) -> list[int]:
    """Without the names that follow a staff title ("Dr Kevin Hart's email"), unless what is asked is private."""
    if not _PRIVATE.isdisjoint(canonical.split()):
        return parties
    words = canonical.split(" ")
    return [index for index in parties if words[index] not in _STAFF_TITLES]


def _near(first: list[int], second: list[int], reach: int) -> list[tuple[int, int]]:
    return [(a, b) for a in first for b in second if abs(a - b) <= reach]


def _evidence(canonical: str) -> tuple[int, int, int] | None:
    """Word indexes of (ask, data, party) of the first request for someone else's data, or None."""
    if (canonical.count(" ") > _MAX_WORDS + 1 or _JOINT.search(canonical) or _PARENT_OF_CHILD.search(canonical)
            or _CHILDS_SCHOOLING.search(canonical)):
        return None
    if _PROCEDURE.search(canonical) and not _POLICY_SET_ASIDE.search(canonical):
        return None
    if _WHAT_MOST_CHOOSE.search(canonical):
        return None
    word_at = _word_index(canonical)
    asks = [index for index, _ in _spans(_ASK, canonical, word_at)]
    if not asks:
        return None
    others = _parties(_OTHER, canonical, word_at) + _staff_aside(_parties(_POSSESSIVE, canonical, word_at), canonical)
    if not re.search(_STAFF, canonical) and not _TEAM.search(canonical) and not _THINGS.search(canonical):
        others += _parties(_PRONOUN, canonical, word_at)
    many = _parties(_POPULATION, canonical, word_at)
    pairs = _near(_asked_data(canonical, _IDENTITY, word_at), others + many + _parties(_HOME, canonical, word_at), _WINDOW)
    pairs += _near(_asked_data(canonical, _ACCOUNT, word_at), others + _parties(_EACH, canonical, word_at), _WINDOW)
    # What the home of a number owes ("quanto o cara do apto 41 deve de condominio?"); not what it may sign up for.
    pairs += _near(_asked_data(canonical, _OWING, word_at), _parties(_HOME, canonical, word_at), _WINDOW)
    if not _THINGS.search(canonical):
        pairs += _near(_asked_data(canonical, _IDENTITIES, word_at), _parties(_BULK, canonical, word_at), _WINDOW)
    for data, party in pairs:
        for ask in asks:
            if min(data, party) - _ASK_REACH <= ask <= max(data, party) + _ASK_AFTER:
                return ask, data, party
    return None


# A person's full name as typed: two capitalised words. Places, streets, brands and greetings are capitalised too.
# Not after "in", "no", "via", "with": an app, a place or a product ("data in Home Assistant").
_FULL_NAME = re.compile(r"(?<![\w.])(?<!\b(?:in|on|no|na|em|at) )(?<!\b(?:via|com) )(?<!\bwith )(?<!\binto )(?<!\bpelo )"
                        r"(?<!\bpela )([A-ZÀ-Ý][a-zà-ÿ]{2,})(?: (?:da|de|do|dos|das|van|von|del))? "
                        r"([A-ZÀ-Ý][a-zà-ÿ]{2,})(?![\w'])")
_NOT_NAMES = frozenset(
    "rua avenida street avenue road lane drive way alameda travessa estrada rodovia praca plaza calle jardim vila "
    "parque bairro condominio condomínio residencial edificio edifício predio prédio centro distrito sao são santa "
    "santo porto rio belo nova new san los las monte campo campos zona solar energia net fibra ltda inc eireli "
    "telecom internet plano kit oi ola olá hello hi dear caro cara prezado prezada bom boa good please obrigado thanks "
    "meu minha my your seu sua the este esta this hoje today amanhã segunda terça quarta quinta sexta sábado domingo "
    "monday tuesday wednesday thursday friday saturday sunday janeiro fevereiro março abril maio junho julho agosto "
    "setembro outubro novembro dezembro january february march april may june july august september october november "
    "december google microsoft apple samsung whatsapp instagram facebook app home assistant "
    # Places and businesses named in full: "Shopping Iguatemi", "Clínica Bem Estar", "Westfield Mall".
    "shopping mall plaza center centre hospital clinica clínica clinic banco bank padaria mercado supermercado posto "
    "farmacia farmácia escola colegio colégio faculdade universidade instituto academia gym hotel restaurante loja "
    "store unidade filial igreja estacao estação metro metrô aeroporto torre tower square park "
    # A business by its kind before its name: "o telefone da Seguradora Tarumã", "Transportadora Veloz".
    "seguradora seguradoras insurance insurer corretora operadora transportadora imobiliaria imobiliária construtora "
    "cooperativa concessionaria concessionária distribuidora editora livraria laboratorio laboratório cartorio "
    "cartório".split()
)
# A place or a business before or after the capitalised words: "a unidade Barra Funda", "the Feira de Santana store".
_PLACES = frozenset(
    "unidade filial loja store branch office escritorio escritório bairro cidade shopping clinica clínica condominio "
    "condomínio edificio edifício predio prédio residencial hospital academia gym sucursal tienda perto near cerca "
    "unit shop location outlet agencia agência sede consultorio consultório".split()
)
# A product line named in capitals beside what it is: "the Brisa Care plan", "o plano Brisa Care", "the Escritorio
# Contabil plan". A person only when a verb of having or paying follows in the same clause ("o plano Maria Souza
# assinou", not "o plano Vida Ativa? Tem opção trimestral?").
_PRODUCTS = frozenset(
    "plano planos plan plans kit kits pacote package combo produto product modelo model linha assinatura subscription "
    "servico serviço service curso course bundle tier app aplicativo application programa program".split()
)
# The second word of a product line's name, never a surname: "Cuidar Plus", "Cuida Total", "Tucano Monitor", "Brisa
# Care", "Deezer Family" (_NOT_NAMES already holds "solar", "fibra", "home", "app" wherever they stand).
_LINE_WORDS = frozenset(
    "plus total basico básico premium pro max mais care monitor family familia família gamer smart flex turbo light "
    "lite master gold essencial completo completa kids conecta connect play ultra mega start standard advanced business "
    "empresarial residencial protect protege seguro garantia cuidado energy "
    # subscription, club, farm and credit lines: "Sapucaia Assina", "Clube Ipê", "Pequi Agro", "Crédito Sol"
    "assina clube club agro credito crédito cuida cuidar negocios negócios facil fácil express prime vip".split()
)
# ... in a message about a product: a plan, an app, a kit, a fee or a bill ("Jessica Gold" elsewhere is a person).
_PRODUCT_TALK = re.compile(r"\b(?:plano|planos|plan|plans|app|aplicativo|kit|kits|pacote|package|assinatura|subscription|"
                           r"mensalidade|anuidade|fee|fees|bill|fatura|preco|preço|price|custa|cost|costs|quanto|quantas|"
                           r"how much|parcela|parcelas|parcelar|pagamento|cartao|cartão|pix|boleto|desconto|contratar|"
                           r"assinar|installments?|payment|discount|subscribe)\b")
_HOLDS = frozenset(
    "tem têm has have had tinha assinou assina signed contratou contrata usa uses used usou paga pagou pays paid comprou "
    "bought".split()
)
_LINKS = frozenset("do da de of the del".split())
# A member of the staff by title ("o técnico Otávio Bastos", "Dra. Marina Coelho"): their work contact is the
# business's; only what is theirs alone (a home, documents, a personal number, pay) makes them a third party.
_STAFF_TITLES = frozenset(
    "dr dra doutor doutora doctor doctora tecnico técnico tecnica técnica technician instalador installer consultor "
    "consultora vendedor vendedora atendente gerente manager professor professora personal coach recepcionista "
    "receptionist nutricionista fisioterapeuta enfermeira enfermeiro nurse dentista dentist instrutor instrutora rep "
    "entregador motorista sindico síndico zelador medico medica".split()
)
# The name of whoever on the staff serves the customer ("qual o nome da doutora", "the name of the technician"): whom the
# business sends, no one's private data.
_NAME_OF_STAFF = re.compile(r"^ (?:d[oa]s?|of the|of your|del|de la) (?:"
                            + "|".join(sorted(_STAFF_TITLES, key=len, reverse=True)) + r")\b")
_PRIVATE = frozenset(
    "cpf rg dni ssn endereco endereço address direccion dirección casa home mora lives vive pessoal particular personal "
    "private privado privada salario salário salary ganha earns nascimento birth birthday aniversario aniversário "
    "instagram facebook senha password contrasena contraseña familia família family".split()
)


def _after_a_place(before: list[str]) -> bool:
    """Whether the last words before a capitalised pair name a place: "unidade", "loja do"."""
    if before and before[-1] in _LINKS:
        before = before[:-1]
    return bool(before) and before[-1] in _PLACES


def names_marked(original: str) -> str | None:
    """The canonical text with each full name read as "fulano" (someone), or None when it names no one; the
    customer's own name is excepted by the own-data rules ("meu nome é ...")."""
    found = _marking(original)
    return found[0] if found is not None else None


def full_names(original: str) -> tuple[tuple[str, ...], ...]:
    """The folded words of every full name names_marked reads ("Ana Lima", "Pedro de Souza"; not a place, a store or
    a product line), the customer's own included: the injection classifier reads each as "fulano", so that no
    person's name carries weight learnt from the attacks that named someone. Words that carry an attack's concept
    ("Ignore Previous", "Developer Mode") are not a name."""
    found = _marking(original)
    if found is None:
        return ()
    names = dict.fromkeys(tuple(name.split()) for name in found[1])
    return tuple(words for words in names if words and all(concept_of(word) is None for word in words))


def with_names_marked(view: str, original: str) -> str:
    """A canonical view of `original` (its chat spelling in full, its typing slips read back) with the full names
    names_marked reads as "fulano" marked the same way, where the view still has them."""
    found = _marking(original)
    if found is None:
        return view
    for name in found[1]:
        view = view.replace(f" {name} ", " fulano ")
    return view


@functools.lru_cache(maxsize=256)
def _marking(original: str) -> tuple[str, tuple[str, ...]] | None:
    """names_marked's text and the canonical form of each name it marked."""
    private: list[bool] = []  # read once, when a titled name first asks
    names: list[str] = []

    def is_private() -> bool:
        if not private:
            private.append(not _PRIVATE.isdisjoint(re.findall(r"[^\W\d_]+", original.lower())))
        return private[0]

    def mark(match: re.Match[str]) -> str:
        if {match.group(1).lower(), match.group(2).lower()} & _NOT_NAMES:
            return match.group(0)
        # words only: a title opening a quote ("'Dra. Helena Ramos ...'") is still a title (probe 56)
        before = re.findall(r"[^\W_]+", original[max(0, match.start() - 24):match.start()].lower())[-2:]
        after = re.findall(r"[^\W\d_]+", original[match.end():match.end() + 24].lower())[:1]
        titled = match.group(1).lower() in _STAFF_TITLES or bool(before and before[-1] in _STAFF_TITLES)
        # a place the words name, before them ("a unidade Barra Funda") or after them ("your Feira de Santana store")
        if _after_a_place(before) or (after and after[0] in _PLACES) or (titled and not is_private()):
            return match.group(0)
        # a product line: "the Brisa Care plan", "o plano Brisa Care"
        holds = bool(after) and after[0] in _HOLDS and not re.match(r"\s*[?.!,;:]", original[match.end():])
        if (after and after[0] in _PRODUCTS) or (before and before[-1] in _PRODUCTS and not holds):
            return match.group(0)
        if match.group(2).lower() in _LINE_WORDS and not holds and _PRODUCT_TALK.search(original.lower()):
            return match.group(0)
        names.append(normalize(match.group(0)).canonical.strip())
        return "fulano"

    marked = _FULL_NAME.sub(mark, original)
    if marked == original:
        return None
    return normalize(marked).canonical, tuple(names)


def asks_for_someone_elses_data(canonical: str) -> bool:
    """True when the text asks for the personal data of a party that is not the customer."""
    return _evidence(canonical) is not None
