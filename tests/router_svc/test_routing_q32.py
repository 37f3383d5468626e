"""Routing cases of issue 16 item 2 from routing probe q-route32's half a (written blind on 2026-12-06, tenth
session; evals/probes/README.md): a day or a time offered, and the person in charge asked for, go on with the
conversation's agent (a support visit moved stays support, a seller's visit stays sales); someone sent to assess the
customer's place, a system sized for them and a bigger plan chosen are a sale; the business's policy asked by name is
a product question; the utility's bill and blackout, and an electrician asked for, are out of scope; season's
greetings and praise are small talk; "is this the solar company?" is asked back. Sentences are written for these
tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("precisamos dimensionar um sistema pra nossa padaria, o forno é eletrico", "sales"),
        ("could you send someone to check my barn roof before I decide?", "sales"),
        ("nossa conta vem uns 320 por mes, sera que vale a pena pra gente?", "sales"),
        ("como funciona a politica de devolucao se o kit vier faltando peça?", "product"),
        ("preciso da 2a via da fatura da Coelba", "out_of_scope"),
        ("faltou luz no bairro inteiro, a Energisa vem quando?", "out_of_scope"),
        ("vcs indicam um eletricista pra trocar minhas tomadas?", "out_of_scope"),
        ("boas festas pra todos voces!", "small_talk"),
        ("boa noite, aqui é da empresa de energia solar?", "clarify"),
        # the customer's own unit named: a warranty case, not the policy in general
        ("minha bateria parou de carregar, qual a politica de garantia?", "support"),
        # a question about the thing, not the company
        ("is this solar panel waterproof?", "product"),
    ],
)
async def test_q32_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_support_visit_moved_stays_with_support(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "o inversor desarmou de novo e nao religa",
        "vcs conseguem mandar o tecnico?",
        "pode ser quinta depois das 15h? de manha eu trabalho",
        "could it be earlier? thursday I'm away",
    ])
    assert labels == ["support", "support", "support", "support"]


async def test_a_day_offered_for_a_sellers_visit_stays_with_sales(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "qual a diferença entre painel bifacial e o comum?",
        "tem como mandar alguem avaliar meu telhado?",
        "domingo de manha serve",
    ])
    assert labels == ["product", "sales", "sales"]


async def test_the_manager_asked_for_in_a_complaint_stays_with_support(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "o sistema gera metade do que o contrato prometeu",
        "ja reclamei duas vezes e nada",
        "quero falar com um supervisor",
    ])
    assert labels == ["support", "support", "support"]


async def test_a_bigger_plan_chosen_after_comparing_is_a_sale(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "qual a diferença do plano basico pro plus?",
        "entao quero mudar pro plus",
    ])
    assert labels == ["product", "sales"]
