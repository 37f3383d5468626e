"""A yes/no question about a kind of a thing ("aceitam cartão sorocred?") is not
answered with the kinds the shop lists ("cartões Visa e Mastercard"); the same question
about a kind the passages list is answered. The passages are an invented coffee
machine shop's; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.abstain import adjacent_sibling, singular
from agent_svc.domain import Passage
from agent_svc.evidence import Selector

PASSAGES = [
    Passage(
        "maquinas",
        "Máquinas de café",
        "maquinas.md",
        "A cafeteira Expresso Bar pesa 6 kg e faz duas xícaras ao mesmo tempo. "
        "O reservatório de água da cafeteira tem 1,8 litros. "
        "O moedor elétrico tem 40 níveis de moagem, do café turco ao da prensa francesa.",
        0.60,
    ),
    Passage(
        "pagamento",
        "Formas de pagamento",
        "pagamento.md",
        "Aceitamos os cartões Visa e Mastercard, em até 10 vezes sem juros. "
        "No Pix, o desconto é de 5% sobre o total do pedido.",
        0.45,
    ),
    Passage(
        "entrega",
        "Entrega",
        "entrega.md",
        "Entregamos em todo o Brasil. O frete é grátis acima de R$ 300 e a entrega leva de 2 a 6 dias úteis.",
        0.35,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "aceitam cartao sorocred?",  # the shop lists other cards
    ],
)
def test_a_kind_of_a_thing_the_passages_list_otherwise_is_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("aceitam cartao visa?", "Visa"),
    ],
)
def test_a_kind_the_passages_list_is_answered(selector: Selector, question: str, fact: str) -> None:
    assert fact in quoted(selector, question)


def test_a_kind_the_passages_name_otherwise() -> None:
    contexts = ["aceitamos os cartoes visa e mastercard"]
    stop = frozenset({"os", "e"})
    assert adjacent_sibling("aceitam cartao diners", ["aceitam", "cartao", "diners"], [2], contexts, stop)
    # The last word is held (not missing), or comes after a word that is no thing.
    assert not adjacent_sibling("aceitam cartao visa", ["aceitam", "cartao", "visa"], [], contexts, stop)
    assert not adjacent_sibling("pagam no diners", ["pagam", "diners"], [1], contexts, stop)
    # "a fidelidade recomeça?": a subject and its verb, not a thing and its kind.
    assert not adjacent_sibling("a cartao recomeca", ["cartao", "recomeca"], [1], contexts, stop)
    assert singular("cartoes") == "cartao" and singular("metais") == "metal"
