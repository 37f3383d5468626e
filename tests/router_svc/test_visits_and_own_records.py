"""Issue 16, routing probes q-route45 and q-route46 (written blind): booking a visit or a demo in the middle of a
conversation about the products is the seller's ("tem como vir alguém medir o telhado?"), and the time offered next
stays with it; the technical documents of the customer's own installation, the deletion of their own record, and
"isso a garantia cobre?" after a damage reported are the customer's case (support). Sentences written for this test,
not taken from the probes."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval.evalsets import routed_conversation, routed_label, router_for
from router_svc.routing import Router


@pytest.fixture(scope="module")
def routed(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("solar", encoder)


@pytest.mark.parametrize(("turns", "labels"), [
    (["qual a potencia do modulo de 550?", "tem como vir alguem medir meu telhado na quinta?", "pode ser as 10?"],
     ["product", "sales", "sales"]),
    (["where is your store?", "Can I book a demo of the hybrid inverter there next Friday?", "3pm works?"],
     ["product", "sales", "sales"]),
    (["caiu um galho nas placas e rachou duas", "isso a garantia cobre?"], ["support", "support"]),
])
async def test_a_visit_booked_and_a_claim_followed(routed: tuple[Router, dict[str, str]], turns: list[str],
                                                   labels: list[str]) -> None:
    assert await routed_conversation(routed, turns) == labels


@pytest.mark.parametrize("text", [
    "preciso do memorial descritivo e da ART da minha instalação pro banco",
    "I need the single-line diagram of my installation for the insurance company",
    "quero que vcs excluam meus dados e meu cadastro",
])
async def test_own_records_are_support(routed: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(routed, text) == "support"
