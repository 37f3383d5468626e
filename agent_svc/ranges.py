"""A count the question asks a value at, beyond every range the answer's sentences give for it.

"Qual a taxa pra financiar em 96 meses?" where the rates' rows go "12 a 24 meses", ..., "73 a 84 meses"; "quanto sai o
laudo pra 60 módulos?" where the prices go "até 30 módulos": the sentences talk about the question without answering
it, and quoting the nearest row answers another question. Only a question that asks for a value (a price, a rate, a
time) is judged: "a visita é grátis a 80 km?" is answered by "grátis até 50 km". Only sentences that give a range of
that unit judge it: a bare "10 anos" says nothing of 15, and a price past the ranges ("R$ 9 por módulo adicional",
"acima dessa distância") holds every count.

Texts are folded (lower case, no accents: atende_guardrails.text.fold)."""

from __future__ import annotations

import math
import re

# The words a count is counted in, each to the unit it is (instalments are months of a financing).
_UNITS: dict[str, str] = {}
for _unit, _words in {
    "month": "meses mes months month parcelas parcela prestacoes prestacao installments instalments installment instalment",
    "module": "modulos modulo placas placa paineis painel panels panel modules module",
    "km": "km kms quilometros quilometro kilometers kilometres kilometer kilometre",
    "year": "anos ano years year",
    "day": "dias dia days day",
    "m2": "m2 m²",
}.items():
    for _word in _words.split():
        _UNITS[_word] = _unit

_NUMBER = r"(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)"
_UNIT_WORD = r"(" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")\b"
_COUNT = re.compile(rf"(?<![\d.,]){_NUMBER}\s?(?:{_UNIT_WORD}|(x)\b)")
_BETWEEN = re.compile(rf"(?<![\d.,]){_NUMBER}\s?(?:a|ate|to|-|\u2013|\u2014|e|and)\s?{_NUMBER}\s?{_UNIT_WORD}")
_UP_TO = re.compile(rf"\b(?:ate|up to|maximo de|no maximo|limite de|at most|max\.?)\s?{_NUMBER}\s?{_UNIT_WORD}")
_FROM = re.compile(rf"\b(?:a partir de|acima de|mais de|alem de|from|above|over|more than|beyond|minimo de|at least)"
                   rf"\s?{_NUMBER}\s?{_UNIT_WORD}|(?<![\d.,]){_NUMBER}\s?{_UNIT_WORD}\s?(?:ou mais|or more|em diante|\+)")


# What lies past the ranges priced too: "acima dessa distância, R$ 2,50 por km", "R$ 9 por módulo adicional".
_OPEN_END = re.compile(r"\b(?:acima|alem|depois|apos|above|beyond|over|past) (?:diss[oa]|dess[ae]s?|daquilo|that|this|it)\b"
                       r"|\b(?:excedente|excedentes|adicional|adicionais|additional|extra|each|cada|por|per)\s?"
                       + _UNIT_WORD)


# The units a price is given each of, whatever the count ("R$ 9 por módulo", "R$ 2,50 por km"); "R$ 39 por mês" is a
# monthly fee, which says nothing of a financing's months.
_PRICED_EACH = frozenset({"module", "km", "m2", "day"})


def _value(number: str) -> float:
    return float(number.replace(".", "").replace(",", ".")) if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", number) \
        else float(number.replace(",", "."))


def counts_asked(folded_question: str) -> tuple[tuple[float, str], ...]:
    """The counts a question names with their unit ("em 96 meses", "60 módulos", "em 96x")."""
    found = []
    for number, word, times in _COUNT.findall(folded_question):
        found.append((_value(number), "month" if times else _UNITS[word]))
    return tuple(dict.fromkeys(found))


def beyond_ranges(folded_text: str, count: float, unit: str, context: str = "") -> bool:
    """Whether a text gives ranges of the unit and none of them, nor any count of it it names, holds the count. A
    price past the ranges anywhere in `context` (the passages the text was quoted from) holds every count."""
    intervals: list[tuple[float, float, str]] = []
    rest = folded_text
    for match in _BETWEEN.finditer(rest):
        low, high = sorted((_value(match.group(1)), _value(match.group(2))))
        intervals.append((low, high, match.group(3)))
    rest = _BETWEEN.sub(" ", rest)
    intervals += [(0.0, _value(match.group(1)), match.group(2)) for match in _UP_TO.finditer(rest)]
    rest = _UP_TO.sub(" ", rest)
    intervals += [(_value(match.group(1) or match.group(3)), math.inf, match.group(2) or match.group(4))
                  for match in _FROM.finditer(rest)]
    rest = _FROM.sub(" ", rest)
    ranges = [(low, high) for low, high, word in intervals if _UNITS.get(word) == unit]
    if not ranges or any(match.group(1) is None or (_UNITS.get(match.group(1)) == unit and unit in _PRICED_EACH)
                         for match in _OPEN_END.finditer(context or folded_text)):
        return False
    named = [value for value, named_unit in counts_asked(rest) if named_unit == unit]
    return not any(low <= count <= high for low, high in ranges) and count not in named
