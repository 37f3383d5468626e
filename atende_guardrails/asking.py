"""What a customer's question asks for, read from its wording, so the evidence
selector (agent_svc/evidence.py) can tell a sentence that answers it from one that
only talks about the same things, and knowledge_svc's search can put first a passage
that holds the value asked for (knowledge_svc/ranking.py):

- the kind of value the answer must hold when the question asks for one by name: a
  price ("quanto custa", "how much does it cost") needs a money amount, "how long" a
  duration, "what's the e-mail" an address, "qual o peso" a weight. A sentence about
  the product without that value does not answer;
- the attribute a "what/qual" question asks about ("qual a marca", "what colour"):
  the first content word after the question word;
- the sizes that name a product or plan ("kit de 12 kWp", "plano de 2 giga"): a
  knowledge base that never mentions that size does not describe that product.

Everything here works on the folded, spelled-out question (atende_guardrails.text.fold,
atende_guardrails.informal.spell_out). No encoder, no grpc."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from atende_guardrails.text import fold

# What a sentence holding each kind of value looks like (folded text).
MONEY = re.compile(
    r"r\$\s?\d|\bus\$\s?\d|\$\s?\d|\b(?:brl|usd|eur)\s?\d|\d\s?(?:reais|brl|usd|dolares|dollars)\b|\d+[.,]\d{2}\b"
    r"|\bgratis\b|\bgratuit\w*|\bfree\b|\bsem (custo|taxa|cobranca)"
    r"|\bno (extra )?(charge|cost|fee)\b|\bat no cost\b|\bsem custo adicional\b|\bnao cobra\w*"
    # a share of the price is what is charged ("taxa de 5% do valor do contrato")
    r"|\d\s?% (?:do|da|sobre o|of the) (?:valor|preco|price|value|amount|total)\b"
)
_COUNT_WORDS = (
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|um|uma|dois|duas|"
    r"tres|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|quinze|vinte|trinta)\b"
)
DURATION = re.compile(
    rf"(?:\b\d+|{_COUNT_WORDS})\s*-?\s*(a \d+\s*)?(dias?|horas?|minutos?|segundos?|meses|mes|anos?|"
    r"semanas?|days?|hours?|minutes?|seconds?|months?|years?|weeks?|business days|dias uteis|h|min|ms|milissegundos?|"
    r"milisegundos?|milliseconds?)\b"
    r"|\b\d{1,2}h\d{0,2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b|\bna hora\b|\bimediat\w*|\bno mesmo dia\b|\bsame day\b"
    r"|\bright away\b|\binstant\w*|\bem tempo real\b|\breal time\b"
)
# Parts bounded by what an address may hold (64 before the @, 63 a label): unbounded, 4 KB of "x-x-x" backtracked.
EMAIL = re.compile(r"[\w.-]{1,64}@[\w-]{1,63}\.\w+")
PHONE = re.compile(r"\(?\d{2}\)?\s?\d{4,5}[-\s]?\d{4}|\b0800[\s\d-]{6,}|\b\d{4}[-\s]\d{4}\b")
# A CEP ("86010-190", "86.010-190"); a phone's "99812-3040" is not one.
POSTCODE = re.compile(r"(?<![\d-])(?:\d{5}-?\d{3}|\d{2}\.\d{3}-\d{3})(?![\d-])")
PERCENT = re.compile(r"\d\s?%|\bpor cento\b|\bpercent\b")
WEIGHT = re.compile(r"\d\s?(kg|g|quilos?|kilos?|toneladas?|tons?|lbs?)\b")
POWER = re.compile(r"\d\s?(w|kw|kwp|wp|mw|watts?|cv|hp|va|kva)\b")
SPEED = re.compile(r"\d\s?(mega|megas|mbps|gbps|giga|gigas|mb/s|km/h)\b")
LENGTH = re.compile(
    r"\d\s?(mm|cm|m|km|m2|m²|metros?|metres?|meters?|quilometros?|kilometres?|kilometers?|pol|"
    r"polegadas?|inch(es)?|feet|ft)\b|\d\s?[x\u00d7]\s?\d"
)
ENERGY = re.compile(r"\d\s?(kwh|mwh|wh)\b")
VOLTAGE = re.compile(r"\d\s?(v|kv|volts?|vac|vdc)\b")
AMPERES = re.compile(r"\d\s?(a|ma|amperes?|amps?)\b")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
FAST = re.compile(f"{SPEED.pattern}|{DURATION.pattern}")
SIZE = re.compile(f"{LENGTH.pattern}|{POWER.pattern}|{ENERGY.pattern}")
AMOUNT = re.compile(
    "|".join(p.pattern for p in (PERCENT, MONEY, WEIGHT, POWER, ENERGY, LENGTH, SPEED, DURATION, VOLTAGE, AMPERES))
)
COUNT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dois|duas|tres|quatro|cinco|"
    r"seis|sete|oito|nove|dez|doze|nenhum|nenhuma|none|ilimitad\w*|unlimited)\b"
)

# A question word, and what may come between it and the word naming the value
# ("qual e o preco", "what's the monthly fee"): a value word far from any question
# word is a condition ("o preco inclui a instalacao?"), not what is asked.
_WH = r"\b(?:qual|quais|quanto|quanta|what|what's|whats|which)"
_NEAR = r"(?:\s+[^\s?.!,;]+){0,2}?\s+"


def _near_wh(words: str) -> str:
    return rf"{_WH}{_NEAR}(?:{words})\b"


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


# (what the question says, what an answer holds). A question that reads as asking
# for several kinds ("em quanto tempo a velocidade...") is answered by any of them.
# How much cheaper or dearer: a sum answers it, and so does a share ("a discount of 15% to 20% compared with the
# tariff"), so it asks for either.
_COMPARED = (
    r"\bhow much (?:cheaper|less|lower|more expensive|dearer|higher)\b",
    r"\bquanto (?:mais barat[oa]s?|mais car[oa]s?|a menos|mais em conta)\b",
)
_VALUES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (
        _any(
            r"\bquanto (?:\w+ )?(?:custa|custam|custaria|cobra|cobram|cobrariam|pago|pagaria|pagar|sai|saem|fica|"
            r"ficam)\b",
            r"\bhow much\b[^?]*\b(?:cost|costs|charge|charges|charged|pay|paid|fee|fees|price)\b",
            # A company's takings are money too ("quanto a empresa faturou em 2024").
            r"\bquanto (?:\w+ ){0,2}(?:faturou|fatura|faturam|faturaram|lucrou|lucra|arrecadou)\b",
            r"\bhow much (?:revenue|profit)\b|\bhow much (?:does|did) [^?]*\b(?:earn|earns|earned)\b",
            _near_wh(r"preco|precos|valor|valores|mensalidade|tarifa|custo|price|prices|cost|fee|monthly fee"),
            *_COMPARED,
        ),
        MONEY,
    ),
    (
        _any(
            r"\b(?:quanto tempo|em quantos dias|quantos dias|quantas horas|quantos minutos|quantos meses|"
            r"quantos anos|how long|how soon|how many (?:days|hours|minutes|weeks|months|years)|ate que horas|"
            r"que horas|what time)\b",
            _near_wh(r"prazo|deadline|horario"),
        ),
        DURATION,
    ),
    (_any(_near_wh(r"e-?mail|email")), EMAIL),
    (_any(_near_wh(r"telefone|fone|whatsapp|phone|telephone")), PHONE),
    (_any(_near_wh(r"cep|zip|zip code|postal code|codigo postal")), POSTCODE),
    (
        _any(
            _near_wh(r"desconto|discount|juros|interest|porcentagem|percentual|percentage"),
            # "qual a taxa de juros", "what is the interest rate": the rate's words run past the nearness above.
            _near_wh(r"taxas? de juros|interest rates?"),
            *_COMPARED,
        ),
        PERCENT,
    ),
    # "Quanto de telhado", "how much of the bill": an amount, in whatever unit it is measured.
    (_any(r"\bquanto d[aeo]s?\b|\bhow much of\b"), AMOUNT),
    (_any(r"\b(?:qual|que|em que|what|which|in what) (?:o )?(?:ano|year)\b|\bwhat year\b"), YEAR),
    (_any(r"\b(?:quanto pesa|quanto pesam|how much (?:does|do) [^?]*weigh)\b", _near_wh(r"peso|weight")), WEIGHT),
    (_any(_near_wh(r"potencia|power|wattage")), POWER),
    (
        _any(
            r"\bquanto (?:\w+ )?(?:gera|geram|produz|produzem|consome|consomem)\b",
            r"\bhow much (?:energy|electricity|power)?\s?(?:does|do|will|would) [^?]*\b(?:generate|produce|consume|use)\b",
            _near_wh(r"geracao|producao|consumo|generation|production|consumption"),
        ),
        ENERGY,
    ),
    (_any(_near_wh(r"velocidade|speed")), SPEED),
    # "How fast does the technician come" asks for a duration as often as a speed.
    (_any(r"\bhow fast\b"), FAST),
    (
        _any(
            _near_wh(
                r"dimensoes|dimensao|medidas|dimensions|distancia|distance|comprimento|length|"
                r"altura|height|largura|width"
            ),
            r"\bhow (?:far|tall|wide)\b",
        ),
        LENGTH,
    ),
    # A size is a length, or a system's power or a battery's capacity ("o tamanho minimo de projeto: 30 kWp").
    (_any(_near_wh(r"tamanho|size"), r"\bhow big\b"), SIZE),
    (_any(r"\b(?:quantos|quantas|how many)\b"), COUNT),
)
# A percentage asked for and answered as an amount ("desconto de R$ 20") answers too.
_ALSO = {PERCENT: MONEY, SPEED: PERCENT, POWER: PERCENT, ENERGY: POWER}

# "qual a marca", "what colour", "which inverter": the attribute is the first content
# word after the question word (articles and the verb to be skipped).
_ATTRIBUTE = re.compile(
    # ("que" joining two clauses asks nothing: "depois que o material saiu", "ja que o kit ...")
    r"\b(?:qual|quais|(?<!depois )(?<!antes )(?<!ja )(?<!so )(?<!desde )(?<!ate )(?<!sempre )(?<!assim )(?<!agora )"
    r"(?<!para )(?<!pra )(?<!dps )(?<!qdo )(?<!quando )(?<!certeza )(?<!acho )(?<!disse )(?<!falou )(?<!falaram )que|what|"
    r"what's|whats|which)\s+(?:(?:e|eh|sao|seria|is|are|was|were|would be)\s+)?"
    r"(?:(?:o|a|os|as|the|um|uma|an)\s+)?(?:[^\W\d_]{1,2}\s+)?(?!(?:the|uma)\b)([^\W\d_]{3,})"
    # after a degree, a short word ("maximum DC input voltage") is a unit's or a current's: the attribute is the next
    r"(?:\s+(?:[^\W\d_]{1,2}\s+)?([^\W\d_]{3,}))?"
)
# Words that say which kind of thing is asked about, not which thing ("qual tipo",
# "which side", "what way").
_GENERIC = frozenset(
    """
    tipo tipos lado lados forma formas jeito maneira modo parte opcao opcoes melhor diferenca
    kind kinds type types sort side way ways part option options best difference one ones
""".split()
)
# Degrees before the attribute ("qual a menor taxa", "what's the lowest fee").
_DEGREE = frozenset(
    """
    menor maior minimo minima maximo maxima mais menos pior primeiro primeira ultimo ultima novo nova principal
    lowest highest minimum maximum smallest biggest largest cheapest most least worst first last latest main new
""".split()
)
# Sizes that name a product or plan (a capacity, a speed), not the customer's own
# figures (a bill in kWh, a distance in km, months left on a contract).
_SIZE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(kwp|wp|kw|w|giga|gigas|gb|mega|megas|mbps|gbps|tb)\b")
# A battery's capacity in kWh is its size ("bateria de 10 kWh", "a 10 kWh battery"); a kWh
# figure anywhere else is as often the customer's own consumption.
_BATTERY_SIZE = re.compile(r"\b(?:baterias?|battery|batteries)(?: de)? (\d+(?:[.,]\d+)?) ?(kwh)\b"
                           r"|(?<![\w.,])(\d+(?:[.,]\d+)?) ?(kwh) (?:[^\W\d_]+ )?(?:baterias?|battery|batteries)\b")


# ... nor the size of the system the customer already has ("my system is 15 kWp, does the plan cost more?", "meu sistema
# é de 8 kWp"): any size may be theirs, whatever the business sells.
_OWN_SIZE = re.compile(r"\b(?:(?:my|our) (?:system|plant|array|installation|setup)(?: is| s| has)?(?: a| an)?|"
                       r"(?:meu|nosso) sistema(?: atual)?(?: e| tem)?(?: de)?|(?:minha|nossa) usina(?: e| tem)?(?: de)?|"
                       r"(?:tenho|temos) (?:um|uma) (?:sistema|usina)(?: de)?|(?:i|we) (?:have|ve got|own) (?:a|an))"
                       r" (\d+(?:[.,]\d+)?)\s?(kwp|kw|wp)\b")


@dataclass(frozen=True)
class Asked:
    values: tuple[re.Pattern[str], ...]  # each kind of value the answer must hold
    attribute: str  # the folded word a "what/qual" question asks about, or ""
    sizes: tuple[str, ...]  # product sizes named, plain ("12kwp", "2giga")

    def holds_values(self, folded_text: str) -> bool:
        """Whether a (folded) text holds a value of a kind asked for (True when the
        question asks for none)."""
        return not self.values or _holds(self.values, folded_text)


# The same passages come back turn after turn: a sentence's answer for a kind of value is kept.
@functools.lru_cache(maxsize=16_384)
def _holds(values: tuple[re.Pattern[str], ...], folded_text: str) -> bool:
    return any(
        pattern.search(folded_text) or (pattern in _ALSO and _ALSO[pattern].search(folded_text)) for pattern in values
    )


@functools.lru_cache(maxsize=4096)
def asked(folded_question: str) -> Asked:
    """What a folded, spelled-out question asks for."""
    values = tuple(dict.fromkeys(answer for asks, answer in _VALUES if asks.search(folded_question)))
    # "How many hours" asks for a duration; the count it also matches says nothing more.
    if COUNT in values and len(values) > 1:
        values = tuple(v for v in values if v is not COUNT)
    match = _ATTRIBUTE.search(folded_question)
    attribute = ""
    if match:
        # "qual a menor taxa", "what's the lowest fee": the attribute is the noun after the degree.
        attribute = (match.group(2) or "") if match.group(1) in _DEGREE else match.group(1)
        attribute = "" if attribute in _GENERIC else attribute
    own = set(_OWN_SIZE.findall(folded_question))
    found = [*(size for size in _SIZE.findall(folded_question) if size not in own),
             *((a or c, b or d) for a, b, c, d in _BATTERY_SIZE.findall(folded_question))]
    sizes = tuple(dict.fromkeys(f"{n.replace(',', '.')}{_unit(u)}" for n, u in found))
    return Asked(values, attribute, sizes)


def _unit(unit: str) -> str:
    return {"gigas": "giga", "megas": "mega"}.get(unit, unit)


_UNITS = {
    "giga": "giga|gigas|gb|gbps",
    "gb": "giga|gigas|gb|gbps",
    "gbps": "giga|gigas|gb|gbps",
    "mega": "mega|megas|mb|mbps",
    "mbps": "mega|megas|mb|mbps",
    # a panel's or a system's rated power is its peak power ("placa de 550w" is the "550 Wp" module)
    "w": "w|wp|watts?|watts? pico",
    "kw": "kw|kwp",
    "wp": "wp|watts? pico",
}


def names_size(folded_text: str, size: str) -> bool:
    """Whether a folded text names a size ("12kwp" in "... kit de 12 kWp ...");
    "giga" and "GB", "mega" and "Mbps" are the same unit, a decimal comma a point."""
    match = re.match(r"([\d.]+)(\D+)", size)
    if match is None:
        return False
    number, unit = match.groups()
    units = _UNITS.get(unit, re.escape(unit))
    text = folded_text.replace(",", ".")
    if re.search(rf"(?<![\d.]){re.escape(number)}\s?(?:{units})\b", text) is not None:
        return True
    if not re.fullmatch(r"\d+(?:\.\d+)?", number):
        return False
    return _in_a_range(float(number), units, text) or _rounded(float(number), units, text)


# A size asked in round figures names the one a text gives to the decimal: "a bateria de 10 kwh" is the 10.24 kWh one,
# "5 kWh" the 5.12; "5 kWp" is not the 5.5 kWp kit.
ROUNDING = 0.03


def _rounded(value: float, units: str, text: str) -> bool:
    return value > 0 and any(abs(float(found) - value) <= ROUNDING * value
                             for found in re.findall(rf"(?<![\d.])(\d+(?:\.\d+)?)\s?(?:{units})\b", text))


def _in_a_range(value: float, units: str, text: str) -> bool:
    """Whether a text's range of that unit holds the value: a price table's "de 3.01 a 6 kWp" row holds a system
    of 5.5 kWp, "ate 3 kWp" one of 2.5."""
    number = r"(\d+(?:\.\d+)?)"
    for low, high in re.findall(rf"(?<![\d.]){number}\s?(?:{units})?\s?(?:a|ate|to|-|\u2013)\s?{number}\s?(?:{units})\b", text):
        if float(low) <= value <= float(high):
            return True
    for high in re.findall(rf"\b(?:ate|up to|below|abaixo de|menos de)\s{number}\s?(?:{units})\b", text):
        if value <= float(high):
            return True
    # Not "acima de 10 kWp": an open range above names no size one sells ("kit de 30 kWp" is no "sistema acima de 10").
    return False


# Kinds a question names anywhere in its wording, for ranking passages (knowledge_svc):
# a word that names the kind is enough ("o preço instalado inclui...", "qual o numero
# do whatsapp"), where asked() wants it next to a question word because its answer
# must hold that value. A passage holding a value of the kind named is a better bet
# than one that only talks about the same product.
# URL: labels and their count bounded as DNS bounds them (unbounded, 4 KB of "x.x.x" backtracked from every word).
URL = re.compile(r"\bwww\.|https?://|\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.(?:com|net|org|io|app)(?:\.[a-z]{2})?\b")
CURRENT = re.compile(r"\d\s?(a|amperes?|amps?)\b")
CLOCK = re.compile(r"\b\d{1,2}h\d{0,2}\b|\b\d{1,2}:\d{2}\b|\b\d{1,2}\s?(am|pm)\b")
# A question that asks for something ("qual", "que", "quanto", "what", "how", "onde"):
# "vcs atendem no whatsapp?" names the channel and asks no number.
_ASKS = re.compile(r"\b(?:qual|quais|que|quanto|quanta|quantos|quantas|onde|what|what's|whats|which|how|where)\b")
_MENTIONS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (re.compile(r"\b(?:preco|precos|valor|custa|custam|custo|tarifa|mensalidade|how much|price|prices|cost|costs|fee|"
                r"fees)\b"), MONEY),
    (re.compile(r"\b(?:telefone|fone|whatsapp|celular|phone|telephone|number)\b"), PHONE),
    (re.compile(r"\b(?:e-?mail)\b"), EMAIL),
    (re.compile(r"\b(?:porcentagem|percentual|juros|percent\w*|interest rate)\b"), PERCENT),
    (re.compile(r"\b(?:peso|pesa|pesam|weight|weighs?)\b"), WEIGHT),
    (re.compile(r"\b(?:tamanho|dimens\w*|medidas|comprimento|altura|largura|size|length|height|width)\b"), LENGTH),
    (re.compile(r"\b(?:site|website|link|url|pagina|page)\b"), URL),
    (re.compile(r"\b(?:disjuntor|disjuntores|corrente|amperagem|breaker|current|amperage)\b"), CURRENT),
    (re.compile(r"\b(?:que horas|what time|horario|horarios|opening hours|hours)\b"), CLOCK),
)


# A question that asks which, how or who (an open question), not whether: the word
# anywhere ("vcs devolvem como?"), or a relative word where a clause starts only ("tem
# desconto pra quem indica?" asks whether; "mostra o erro E-301, o que eu faço?" asks what).
_OPEN = re.compile(
    r"\b(?:qual|quais|quanto|quanta|quantos|quantas|onde|como|quando|what|what's|whats|which|how|where|who|whom|"
    r"whose|when|why)\b"
    # "apareceu E15, e agora?": what to do now, not whether
    r"|\b(?:e agora|what now)\W*$"
    # "ta mostrando E07 o que significa?" with no comma before it: what it means, not whether
    r"|\bo que (?:significa|quer dizer|e isso|eh isso|isso significa|isso quer dizer|devo fazer|eu faco|faco)\b"
    r"|\bwhat (?:does|do) (?:it|this|that|the code|the error|\w+) mean\b"
)
_RELATIVE = re.compile(r"\b(?:e )?(?:o que|que|quem|por que|porque|pq)\b")
_CLAUSE_MARKS = frozenset(",;:.!?")


def _starts_clause(text: str, index: int) -> bool:
    """Whether the non-word characters right before `index` reach the start of the text or hold a
    clause mark. Read backwards from the word, not by a regex from each mark: a regex's "[,;:.!?]\\W*"
    tried at every mark of 4 KB of "? ? ?" took 0.4 s."""
    while index > 0 and not (text[index - 1].isalnum() or text[index - 1] == "_"):
        index -= 1
        if text[index] in _CLAUSE_MARKS:
            return True
    return index == 0


def yes_no(folded_question: str) -> bool:
    """Whether a folded, spelled-out question asks whether ("vocês vendem X?", "do you
    accept X?", "tem X?") rather than which, how much or how."""
    if _OPEN.search(folded_question) is not None:
        return False
    return not any(_starts_clause(folded_question, match.start()) for match in _RELATIVE.finditer(folded_question))


@functools.lru_cache(maxsize=4096)
def named_kinds(folded_question: str) -> tuple[re.Pattern[str], ...]:
    """The kinds of value a folded, spelled-out question asks for or names: asked()'s
    (but a bare count, which any figure holds) and those its words name anywhere."""
    kinds = [kind for kind in asked(folded_question).values if kind is not COUNT]
    if _ASKS.search(folded_question):
        kinds += [kind for names, kind in _MENTIONS if names.search(folded_question)]
    return tuple(dict.fromkeys(kinds))


def holds_kind(kinds: tuple[re.Pattern[str], ...], folded_text: str) -> bool:
    """Whether a folded text holds a value of one of `kinds`."""
    return _holds(kinds, folded_text)


# A word written with a capital letter after the first word of its sentence: a name (a
# city, a brand, a product line, a language: "loja de Cambé", "the Japanese package").
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][^\W_]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*|[\"'(“¿¡]\s*)$")


@functools.lru_cache(maxsize=4096)
def names(question: str) -> tuple[str, ...]:
    """The names a question uses, folded: its words written with a capital letter
    anywhere but at the start of a sentence (as written, not folded: case is the
    signal), and the place a store is asked in, however written (_PLACE). A name has no
    synonym the way a common word has; a sentence that does not name it (nor translate
    it) is about something else: the store in another city, the package in another
    language."""
    found: list[str] = []
    for match in _CAPITALISED.finditer(question):
        if _SENTENCE_START.search(question[: match.start()]):
            continue
        found.append(fold(match.group(0)))
    for match in _PLACE.finditer(fold(question)):
        found += [word for word in match.group("place").split() if word not in _PLACE_STOPS]
    return tuple(dict.fromkeys(found))


# A place a store or branch is asked in, as customers type it, without a capital ("tem loja em goiania?",
# "endereço de vcs em guarapari"): a name as much as "Goiânia" is. Folded.
# (An address "de" something is of a kind, not of a place: "endereço de entrega", "de cobrança".)
_PLACE = re.compile(r"\b(?:(?:loja|lojas|filial|filiais|unidade|unidades|showroom|showrooms|escritorio|sede|store|stores|"
                    r"branch|branches|office)\b(?:\s+(?:de|da|do|of)\s+(?:voces|vcs|voce|vc|vces|you))?"
                    r"\s+(?:em|no|na|de|in|at)|endereco(?:\s+(?:de|da|do)\s+(?:voces|vcs|voce|vc|vces))?\s+(?:em|no|na))"
                    r"\s+(?P<place>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)")
_PLACE_STOPS = frozenset("""de da do em no na e ou que tem fica ficam q pra para com vcs voces sou perto aberta aberto
abre abrem fecha fecham funciona funcionam atende atendem aceita aceitam vende vendem horario horarios hoje amanha
sabado domingo the in is are open opens close closes do does near and or""".split())
