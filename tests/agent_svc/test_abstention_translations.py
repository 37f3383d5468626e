"""A question whose words the knowledge base says in the other language, as the shipped
word list translates them (atende_guardrails/rules/pt_en_words.txt), is answered even
when the customer writes without accents ("fusivel") and the encoder alone does not
pair the words; a question about something the passages do not hold is still not
answered. A question about what a system generates is answered by the sentence with
the figure in kWh, not with a price beside it. The passages are an invented
water-heater shop's and bike shop's; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector

HEATERS = [
    Passage(
        "heater",
        "AquaLar HX-9 water heater",
        "heater.md",
        "The HX-9 needs a dedicated 220 V circuit protected by a 32 A fuse. "
        "Its inlet hose is 1.5 m long and the unit weighs 4 kg. "
        "A leak at the inlet is covered by the warranty for two years.",
        0.6,
    ),
    Passage(
        "install",
        "Instalação",
        "instalacao.md",
        "A instalação do aquecedor custa R$ 180 e é feita em até 5 dias úteis. "
        "O técnico leva o suporte de parede e os parafusos. "
        "Atendemos Campinas e Valinhos.",
        0.55,
    ),
    Passage(
        "store",
        "Nossa loja",
        "loja.md",
        "A loja fica na Rua das Palmeiras, 44, e abre de segunda a sábado. "
        "Aceitamos cartão de crédito, Pix e boleto.",
        0.4,
    ),
]

BIKES = [
    Passage(
        "rental",
        "Bike rental",
        "rental.md",
        "Rental bikes come with a helmet and a lock. A deposit of R$ 200 is charged at pickup and refunded "
        "when the bike is returned undamaged. Rentals cost R$ 45 a day or R$ 250 a week.",
        0.6,
    ),
    Passage(
        "solar",
        "Estação de recarga solar",
        "estacao.md",
        "A estação de recarga da loja tem painéis no telhado. Ela produz cerca de 14 kWh por dia no verão. "
        "Clientes recarregam a bateria da bike de graça enquanto tomam um café.",
        0.45,
    ),
]


def quoted(selector: Selector, question: str, passages: list[Passage]) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, passages)))


def test_a_word_the_passage_says_in_the_other_language_is_found(selector: Selector) -> None:
    # "fusivel" (no accent) asks about the "fuse" of the English datasheet.
    assert "32 A fuse" in quoted(selector, "qual fusivel o HX-9 usa?", HEATERS)


@pytest.mark.parametrize(
    "question",
    [
        "qual disjuntor o aquecedor precisa?",  # the datasheet names a fuse, not a breaker
        "o aquecedor tem sensor de temperatura?",
        "aceitam cheque?",
        "vocês instalam em Sorocaba?",
    ],
)
def test_what_the_passages_do_not_hold_is_still_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question, HEATERS) == ""


def test_what_a_system_generates_is_answered_with_the_energy_figure(selector: Selector) -> None:
    answer = quoted(selector, "How much does the charging station generate per day?", BIKES)
    assert "14 kWh" in answer
    assert "R$" not in answer  # the rental price is no answer to it
