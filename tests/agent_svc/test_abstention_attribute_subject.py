"""A question that asks an attribute of a thing ("qual o peso do moedor?") is not
answered with that attribute of another thing (the coffee machine's weight), and a
yes/no question about a kind of a thing ("aceitam cartão sorocred?") is not answered
with the kinds the shop lists ("cartões Visa e Mastercard"); the same questions about
what the passages do describe are answered. The passages are an invented coffee
machine shop's; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.abstain import adjacent_sibling, attribute_subject, singular
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
        "qual o peso do moedor?",  # the coffee machine's weight is given, the grinder's is not
        "aceitam o cartao sorocred?",  # the shop lists other cards
    ],
)
def test_an_attribute_or_a_kind_of_another_thing_is_not_answered(selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("qual o peso da cafeteira?", "6 kg"),
        ("quantos niveis de moagem tem o moedor?", "40 níveis"),
        ("aceitam cartao visa?", "Visa"),
    ],
)
def test_an_attribute_or_a_kind_the_passages_give_is_answered(selector: Selector, question: str, fact: str) -> None:
    assert fact in quoted(selector, question)


def test_the_thing_an_attribute_is_asked_of() -> None:
    terms = ["tamanho", "bateria", "externa"]
    never = frozenset()
    assert attribute_subject("qual o tamanho da bateria externa", terms, never, lambda w: True) == ([1], [2])
    terms = ["kwh", "gera", "kit", "bomba"]
    assert attribute_subject("quantos kwh por mes gera o kit bomba", terms, never, lambda w: True) == ([2], [3])
    terms = ["rating", "hybrid", "inverter"]
    assert attribute_subject("whats the ip rating of the hybrid inverter", terms, never, lambda w: True) == ([1], [])
    # "taxa de juros" is one attribute; "do financiamento" the thing.
    terms = ["taxa", "juros", "financiamento"]
    assert attribute_subject("qual a taxa de juros do financiamento", terms, never, lambda w: True) == ([2], [])
    assert attribute_subject("vcs vendem bateria?", ["vendem", "bateria"], never, lambda w: True) == ([], [])


def test_a_kind_the_passages_name_otherwise() -> None:
    contexts = ["aceitamos os cartoes visa e mastercard"]
    stop = frozenset({"os", "e"})
    assert adjacent_sibling("aceitam cartao diners", ["aceitam", "cartao", "diners"], [2], contexts, stop)
    # The last word is held (not missing), or comes after a word that is no thing.
    assert not adjacent_sibling("aceitam cartao visa", ["aceitam", "cartao", "visa"], [], contexts, stop)
    assert not adjacent_sibling("pagam no diners", ["pagam", "diners"], [1], contexts, stop)
    assert singular("cartoes") == "cartao" and singular("metais") == "metal"
