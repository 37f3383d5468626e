"""Routing cases of issue 16 item 2 from routing probe q-route34's half a (written blind on 2026-12-06, tenth
session; evals/probes/README.md): the utility's number, the street's pole and a car's own service are out of scope;
what it takes to sign up is a sale; a crack the customer's own panel got is their claim, even asked as "the warranty
covers it, right?"; someone's service praised by name and a joke taken well are small talk; a detail of the customer's
matter that shares a word with an out-of-scope example stays in the matter. Sentences are written for these tests (not
taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("me passa o numero da cemig?", "out_of_scope"),
        ("tem um fio da rua arrebentou e ta pegando fogo no poste", "out_of_scope"),
        ("vcs fazem manutenção de moto tb?", "out_of_scope"),
        ("o que eu preciso pra assinar o plano de limpeza?", "sales"),
        ("meu painel rachou com a chuva de pedra, a garantia cobre né?", "support"),
        ("parabens pelo atendimento do Rafael, super prestativo", "small_talk"),
        ("kkk essa foi boa", "small_talk"),
    ],
)
async def test_q34_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_document_the_customer_will_fetch_stays_in_the_matter(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "o sistema da minha sogra parou, vcs que instalaram",
        "o contrato ta no nome dela, Maria Aparecida",
        "o cpf dela eu nao tenho aqui, vou pegar com ela",
    ])
    assert labels == ["support", "support", "support"]

