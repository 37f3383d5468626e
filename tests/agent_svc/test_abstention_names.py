"""An open question that names a thing by its name (a city, a brand, a product line,
a language) is not answered with the value of the same kind that the passages give
for another one: the address of the store in another city, the price of the package
in another language. The engine says it does not know (and offers a person). The
passages are an invented bakery chain's; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping
from atende_guardrails.asking import names

PASSAGES = [
    Passage(
        "lojas",
        "Nossas padarias",
        "lojas.md",
        "Temos três padarias abertas todos os dias.\n\n"
        "| Cidade | Endereço |\n|---|---|\n"
        "| Campinas | Rua das Flores, 210 - Centro |\n"
        "| Sorocaba | Av. Brasil, 1500 - Jardim Europa |\n"
        "| Jundiaí | Rua Treze de Maio, 88 - Vila Arens |\n",
        0.61,
    ),
    Passage(
        "cursos",
        "Cooking classes",
        "classes.md",
        "Our Italian bread class costs R$ 180 and takes four hours. "
        "The French pastry class costs R$ 240 and takes five hours. "
        "Classes run on Saturday mornings at the Campinas bakery.",
        0.55,
    ),
    Passage(
        "encomendas",
        "Encomendas",
        "encomendas.md",
        "Bolos de aniversário são encomendados com 48 horas de antecedência. "
        "A entrega em casa custa R$ 15 em Campinas e Sorocaba.",
        0.42,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "qual o endereço da padaria de Piracicaba?",  # three other cities' addresses are there
        "Where is your bakery in Valinhos?",
        "How much is the Japanese bread class?",  # the Italian and French classes are there
        "quanto custa o curso de pão Alemão?",
        "qual o valor da entrega em Indaiatuba?",  # delivery to two other cities is priced
    ],
)
def test_an_open_question_about_a_name_no_answer_sentence_holds_is_not_answered(selector: Selector,
                                                                              question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("qual o endereço da padaria de Sorocaba?", "Av. Brasil, 1500"),
        ("qual o endereço da loja de Jundiai?", "Treze de Maio"),  # written without the accent
        ("quanto custa o curso de pão Italiano?", "R$ 180"),  # named in the other language
        ("How much is the French pastry class?", "R$ 240"),
        ("qual o valor da entrega em Campinas?", "R$ 15"),
    ],
)
def test_an_open_question_about_a_name_the_passages_hold_is_answered(selector: Selector, question: str,
                                                                     fact: str) -> None:
    assert fact in quoted(selector, question)


def test_the_reply_to_a_question_about_another_city_offers_a_person(selector: Selector) -> None:
    book = from_mapping("product", {"pt": {"no_answer": "Não encontrei essa informação.",
                                           "based_on": "Segundo nossa padaria"}})
    engine = LocalEngine(selector)
    guidance = Guidance(language="pt", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    reply = engine.compose(guidance, "onde fica a padaria de Piracicaba?", list(PASSAGES))
    assert reply.startswith("Não encontrei essa informação"), reply
    assert "pessoa" in reply and "Rua" not in reply and "Av." not in reply


def test_names_are_the_words_written_with_a_capital_letter_inside_a_sentence() -> None:
    assert names("qual o endereço da loja de Cambé?") == ("cambe",)
    assert names("Where is the store in São Paulo?") == ("sao", "paulo")
    assert names("Quanto custa? Tem entrega?") == ()  # each sentence's first word is no name
    assert names("o frete pra piracicaba é gratis?") == ()  # written in lower case: no signal
    # ... but after a store, a place as customers type it (tests/agent_svc/test_abstention_offered.py)
    assert names("qual o horario da loja de piracicaba?") == ("piracicaba",)
