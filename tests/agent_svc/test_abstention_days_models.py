"""Questions about a day or a model the passages do not give a value for are not answered
with the value they give for another one: "abre domingo?" over the hours of Monday to
Saturday, "quanto custa o plano Banho 12?" over the prices of the 4 and 8 plans, "vocês
vendem coleira?" over the sentence about the leashes. The engine says it does not know
(and offers a person). The passages are an invented pet grooming chain's; the questions
are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector, _model_numbers
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping

PASSAGES = [
    Passage(
        "horarios",
        "Horários de atendimento",
        "horarios.md",
        "As lojas Banho Bom abrem de segunda a sexta, das 9h às 19h, e aos sábados, das 9h às 14h.",
        0.60,
    ),
    Passage(
        "contato",
        "Fale conosco",
        "contato.md",
        "O atendimento pelo WhatsApp (11) 99999-0000 funciona todos os dias, das 8h às 22h.",
        0.45,
    ),
    Passage(
        "planos",
        "Planos mensais",
        "planos.md",
        "- Preço: R$ 160 por mês\n- Banhos incluídos: 4 por mês\n- Tosa higiênica incluída",
        0.55,
        "Plano Banho 4",
    ),
    Passage(
        "planos",
        "Planos mensais",
        "planos.md",
        "- Preço: R$ 290 por mês\n- Banhos incluídos: 8 por mês\n- Leva e traz do pet sem custo",
        0.54,
        "Plano Banho 8",
    ),
    Passage(
        "produtos",
        "Produtos da loja",
        "produtos.md",
        "Vendemos guias retráteis de 3 e 5 metros e caminhas laváveis em três tamanhos. "
        "Os shampoos hipoalergênicos custam a partir de R$ 39.",
        0.40,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    # lead_passages=0: these tests are about which sentence answers, not about the retrieval
    # order the list stands for (the "lead" rule has its own tests, test_lead_passages.py).
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES, lead_passages=0)))


@pytest.mark.parametrize(
    "question",
    [
        "a loja abre domingo?",  # Monday to Saturday are there, Sunday is not
        "vcs atendem no feriado?",  # not even "todos os dias" says a holiday
        "qual o horario da loja no domingo?",
    ],
)
def test_a_question_about_a_day_no_answer_sentence_names_is_not_answered(selector: Selector,
                                                                          question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("a loja abre sabado?", "sábados"),  # the same day, with its accent and plural
        ("Are you open on Saturdays?", "sábados"),  # the day's translation
        ("vcs abrem na quarta-feira?", "segunda a sexta"),  # inside the working week
        ("o whatsapp funciona domingo?", "todos os dias"),  # every day holds Sunday
    ],
)
def test_a_question_about_a_day_the_passages_name_is_answered(selector: Selector, question: str,
                                                              fact: str) -> None:
    assert fact in quoted(selector, question)


@pytest.mark.parametrize(
    "question",
    [
        "quanto custa o plano banho 12?",  # the 4 and the 8 are priced, a 12 is not
        "quantos banhos tem o plano banho 6?",
    ],
)
def test_a_question_about_a_model_no_answer_sentence_names_is_not_answered(selector: Selector,
                                                                            question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("quanto custa o plano banho 8?", "R$ 290"),
        ("quantos banhos vem no plano Banho 4?", "4 por mês"),
    ],
)
def test_a_question_about_a_model_the_passages_name_is_answered(selector: Selector, question: str,
                                                                fact: str) -> None:
    assert fact in quoted(selector, question)


def test_model_numbers_follow_a_model_line_word_the_passages_use_and_no_unit() -> None:
    assert _model_numbers("quanto custa o plano banho 12?", PASSAGES) == ("12",)
    # "12 meses" is a duration; "gasto 400 por mes" is the customer's figure ("gasto" names no model line).
    assert _model_numbers("o plano banho tem fidelidade de 12 meses?", PASSAGES) == ()
    assert _model_numbers("gasto 400 por mes com banho, compensa?", PASSAGES) == ()


def test_the_reply_about_a_day_not_given_offers_a_person(selector: Selector) -> None:
    book = from_mapping("product", {"pt": {"no_answer": "Não encontrei essa informação.",
                                           "based_on": "Segundo a Banho Bom"}})
    engine = LocalEngine(selector)
    guidance = Guidance(language="pt", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    reply = engine.compose(guidance, "a loja abre domingo?", list(PASSAGES))
    assert reply.startswith("Não encontrei essa informação"), reply
    assert "pessoa" in reply and "9h" not in reply


@pytest.mark.parametrize(
    "question",
    [
        "tem tosa completa?",  # the hygienic grooming is there, a full one is not
        "tem banho pra gato?",  # nothing says cats; "pet" is only the encoder's neighbour
    ],
)
def test_a_yes_no_question_held_only_by_a_neighbour_of_its_own_language_is_not_answered(
        selector: Selector, question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("tem tosa higienica?", "Tosa higiênica"),
        ("Do you sell hypoallergenic shampoo?", "hipoalergênicos"),  # a translation stays close enough
        ("vendem guia retratil?", "guias retráteis"),
    ],
)
def test_a_yes_no_question_the_passages_hold_is_answered(selector: Selector, question: str, fact: str) -> None:
    assert fact in quoted(selector, question)
