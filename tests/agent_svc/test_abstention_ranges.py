"""A value asked at a count beyond every range the documents give ("a taxa em 96 meses" where the rates go up to 84
months; the report for 60 modules where the prices go up to 30) is not answered with the nearest row; a count inside a
range is (agent_svc/ranges.py). Several blind KBs' writers asked exactly this near miss (Cagaita, Guabiroba). The
passages are an invented bicycle shop's; the questions are written for these tests."""

from __future__ import annotations

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from agent_svc.ranges import beyond_ranges, counts_asked
from atende_guardrails.text import fold

PASSAGES = [
    Passage(
        "credito",
        "Crédito Pedal",
        "credito.md",
        "Crédito Pedal | Taxa mensal\n"
        "6 a 12 meses | 1,49% a.m.\n"
        "13 a 24 meses | 1,69% a.m.\n"
        "25 a 36 meses | 1,89% a.m.",
        0.60,
        "Taxas",
    ),
    Passage(
        "revisao",
        "Revisões",
        "revisao.md",
        "A revisão completa custa R$ 180 para bicicletas de até 3 anos de uso. "
        "A troca de corrente sai por R$ 90. A oficina atende em até 20 km da loja sem taxa de deslocamento.",
        0.55,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES, lead_passages=0)))


def test_counts_are_read_with_their_unit() -> None:
    assert counts_asked(fold("qual a taxa pra financiar em 48 meses?")) == ((48.0, "month"),)
    assert counts_asked(fold("em 48x fica quanto?")) == ((48.0, "month"),)
    assert counts_asked(fold("quanto sai o laudo pra 60 módulos?")) == ((60.0, "module"),)
    assert counts_asked(fold("qual a taxa do crédito?")) == ()


def test_a_count_beyond_every_range_is_beyond_and_one_inside_is_not() -> None:
    rates = fold("6 a 12 meses: 1,49% a.m. 13 a 24 meses: 1,69% a.m. 25 a 36 meses: 1,89% a.m.")
    assert beyond_ranges(rates, 48, "month")
    assert not beyond_ranges(rates, 18, "month")
    # An open range holds whatever lies past it; a text with no range of that unit says nothing.
    assert not beyond_ranges(fold("grátis até 50 km; R$ 180 acima de 50 km"), 80, "km")
    assert beyond_ranges(fold("laudo termográfico: até 30 módulos, R$ 450"), 60, "module")
    assert not beyond_ranges(fold("garantia de 10 anos"), 15, "year")


def test_a_rate_asked_beyond_the_tables_range_is_not_answered(selector: Selector) -> None:
    assert quoted(selector, "qual a taxa de juros do crédito pedal pra financiar em 48 meses?") == ""
    assert "1,69%" in quoted(selector, "qual a taxa de juros do crédito pedal pra financiar em 18 meses?")


def test_a_question_that_asks_no_value_is_not_judged_by_the_range(selector: Selector) -> None:
    # "a oficina vem a 15 km?" asks whether, which "em até 20 km" answers; so does 30 km, with a no.
    assert "20 km" in quoted(selector, "a oficina atende a 15 km da loja sem taxa?")
