"""Routing cases of issue 16 item 2 from routing probe q-route13 (written blind on 2026-12-06 for a solar company
the router was never configured for; evals/probes/README.md): a part that heats up is a fault; an app that does
not sync is a fault even beside a wish to buy; a credit line or a consortium pays for a purchase; a purchase
offered against a discount is a sale; the customer's own invoice, asked for their taxes, is their case, not a
government office's; whether a product works with one the customer has is compatibility, whoever asks; the
assistant's name is small talk; a repair of something the business does not sell is out of scope. From q-route14
(written the same way for another company): the nearest store and a warranty under a hypothesis are product
questions; help with nothing named asks back.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("o inversor fica muito quente de tarde, isso é normal?", "support"),
        ("the battery gets really hot while charging, should I worry?", "support"),
        ("quero comprar mais placas depois, mas agora o app nao sincroniza desde segunda", "support"),
        ("sou agricultor, vcs tem linha de credito pra energia solar?", "sales"),
        ("da pra usar consorcio pra pagar as placas?", "sales"),
        ("fecho hoje se fizer 8% off", "sales"),
        ("preciso do recibo da minha compra pra declarar no imposto de renda", "support"),
        ("ja sou cliente, queria saber se a bateria funciona com o inversor que eu tenho", "product"),
        ("como vc se chama?", "small_talk"),
        ("vcs consertam bicicleta motorizada?", "out_of_scope"),
        # q-route14 (the same way, another company): where the customer lives, the nearest store, how long the
        # business has been around, help with nothing named, a part sold alone, a warranty under a hypothesis
        ("nearest store to Anapolis?", "product"),
        ("alguem pode me ajudar com uma coisa", "clarify"),
        ("e se rachar com granizo a garantia cobre?", "product"),
        # a fault reported is still the claim
        ("quebrou, a garantia cobre?", "support"),
    ],
)
async def test_q13_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_citizens_tax_return_is_still_out_of_scope(solar: tuple[Router, dict[str, str]]) -> None:
    assert await routed_label(solar, "me ajuda a fazer a declaracao do imposto de renda") == "out_of_scope"
