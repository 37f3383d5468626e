"""A question that asks how long something takes or how much it costs names that
thing: a sentence giving a duration or a price of another thing of the same shop
does not answer it (a warranty's months for a repair time, one service's price for
another's). The passages are an invented bicycle repair shop's; the questions are
written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector

PASSAGES = [
    Passage(
        "servicos",
        "Serviços da oficina",
        "servicos.md",
        "A revisão completa da bicicleta custa R$ 160 e fica pronta em 2 dias úteis. "
        "A troca de câmara de ar custa R$ 35. "
        "Todas as peças trocadas têm garantia de 6 meses.",
        0.60,
    ),
    Passage(
        "entrega",
        "Pickup and delivery",
        "delivery.md",
        "We pick up your bike at home for R$ 25 within 10 km of the shop. Wheel truing takes about one hour while you wait.",
        0.50,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "qto tempo leva o alinhamento da bicicleta?",  # the full service and the warranty have durations
        "quanto custa o polimento da bicicleta?",  # other services of the bicycle are priced
    ],
)
def test_a_value_of_a_thing_no_sentence_names_is_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("quanto tempo leva a revisao completa da bicicleta?", "2 dias"),
        ("quanto custa a troca da camara de ar?", "R$ 35"),
        ("how long does wheel truing take?", "one hour"),
        ("how much is the full service?", "R$ 160"),  # named in the other language
    ],
)
def test_a_value_of_a_thing_a_sentence_names_is_answered(selector: Selector, question: str, fact: str) -> None:
    assert fact in quoted(selector, question)
