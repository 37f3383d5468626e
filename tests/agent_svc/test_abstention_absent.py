"""A yes/no question about something the retrieved passages never name is not
answered with the sentence about its neighbour: "cartão de débito" is not the
"cartão de crédito" the shop takes, an electric scooter is not the e-bike it sells.
The engine says it does not know (and offers a person) instead. The passages are an
invented bicycle shop's; the questions are written for these tests."""

from __future__ import annotations

import pytest

from agent_svc.domain import Passage
from agent_svc.evidence import Selector
from agent_svc.llm.base import Guidance
from agent_svc.llm.local import LocalEngine
from agent_svc.prompts import from_mapping
from atende_guardrails.asking import yes_no
from atende_guardrails.encoder import UsemEncoder
from atende_guardrails.informal import spell_out
from atende_guardrails.text import fold

PASSAGES = [
    Passage(
        "pagamento",
        "Formas de pagamento",
        "pagamento.md",
        "Aceitamos Pix, boleto e cartão de crédito em até 10 vezes sem juros. "
        "No Pix à vista você ganha 5% de desconto. "
        "O boleto vence em 3 dias úteis.",
        0.62,
    ),
    Passage(
        "bike-eletrica",
        "Bicicleta elétrica Pedala E1",
        "e1.md",
        "A bicicleta elétrica Pedala E1 tem motor de 350 W e bateria removível de 36 V. "
        "A bateria carrega em 4 horas na tomada comum. "
        "A E1 custa R$ 6.490 e tem garantia de 2 anos no quadro.",
        0.55,
    ),
    Passage(
        "oficina",
        "Bike workshop",
        "workshop.md",
        "Our workshop services any bicycle brand. "
        "A full tune-up costs R$ 180 and takes up to 2 business days. "
        "Tubeless tyre conversion is available for mountain bikes.",
        0.41,
    ),
]


def quoted(selector: Selector, question: str) -> str:
    return " ".join(item.unit.text for item in selector.answer(selector.rank(question, PASSAGES)))


@pytest.mark.parametrize(
    "question",
    [
        "aceitam cartao de debito?",  # the credit card is there, a debit card is not
        "Do you sell electric scooters?",  # the e-bike is there, a scooter is not
        "vocês vendem bicicleta elétrica dobrável?",  # the e-bike is there, a folding one is not
        "a oficina conserta patinete?",  # the workshop is there, for bicycles
        "tem desconto pra estudante?",  # a discount is there, none for students
    ],
)
def test_a_yes_no_question_about_a_thing_no_passage_names_is_not_answered(selector: Selector,
                                                                         question: str) -> None:
    assert quoted(selector, question) == ""


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("aceitam pix?", "Pix"),
        ("Do you accept credit cards?", "cartão de crédito"),  # named in the other language
        ("a bateria da bike eletrica é removivel?", "removível"),
        ("vcs fazem conversao pra tubeless?", "Tubeless"),
    ],
)
def test_a_yes_no_question_about_a_thing_the_passages_name_is_answered(selector: Selector, question: str,
                                                                      fact: str) -> None:
    assert fact in quoted(selector, question)


def test_the_reply_to_a_question_about_a_missing_thing_offers_a_person(encoder: UsemEncoder) -> None:
    book = from_mapping("product", {"pt": {"no_answer": "Não encontrei essa informação.",
                                           "based_on": "Segundo nossa loja"}})
    engine = LocalEngine(Selector(encoder))
    guidance = Guidance(language="pt", playbook=book, agent_kind="product", passages=tuple(PASSAGES))
    reply = engine.compose(guidance, "aceitam cartao de debito?", list(PASSAGES))
    assert reply.startswith("Não encontrei essa informação"), reply
    assert "pessoa" in reply and "crédito" not in reply


def test_a_question_asks_whether_unless_it_asks_which_how_or_who() -> None:
    def whether(question: str) -> bool:
        return yes_no(fold(spell_out(question)))

    assert whether("vcs vendem patinete?") and whether("Do you accept PayPal?")
    assert whether("tem desconto pra quem paga no pix?")  # "quem" joins a clause here
    assert not whether("qto custa a E1?") and not whether("How long does a tune-up take?")
    assert not whether("vcs devolvem como?") and not whether("quem conserta a bike?")
    # a clause of its own that asks what: "…, o que eu faço?" is an open question
    assert not whether("A bike fez um barulho estranho, o que eu faço?")
    assert not whether("deu erro no app. e agora, pq nao abre?")
    # what a code means, asked with no comma before "o que" (Tangará half a, 2026-12-06 seventh session)
    assert not whether("o painel ta mostrando F12 oq significa?") and not whether("what does E3 mean on the app?")
    assert whether("o codigo F12 significa que a placa queimou?")
