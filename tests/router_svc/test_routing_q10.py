"""Routing cases of issue 16 item 2 (branch q-route10): messages about products the business's
examples never name, and a sale decided in a word after some questions. A product asked for by a
name and a decimal number nobody configured is still the business's product; asking whether a
thing is in stock on the way to buying it is the sale; closing the deal ("fecha"), choosing how to
pay ("cartão ou pix?"), booking the visit or asking for the contract moves a product conversation
to sales, while in a support conversation the visit and the payment are the customer's own case;
whether a thing works in a power cut is a product question even in a sale; a number of
instalments or a price offered is a sale, two things compared or working offline a product question. Sentences are written
for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A model nobody configured, named with its decimal size: the business's product.
        ("tem o Solano 5.1?", "product"),
        ("vcs ainda tem o Maracá 6,2?", "product"),
        # In stock, and the customer buys it.
        ("vcs tem o Jacaré T3 pra pronta entrega? quero levar", "sales"),
        ("is the Nimbus 8 in stock? I'll take one", "sales"),
        # A number of instalments, or a price offered, for a thing nobody configured.
        ("consigo o Pitanga em 18x?", "sales"),
        ("vcs fazem o Pitanga por 18 mil?", "sales"),
        # Two such things compared, or whether an app works offline: how they are.
        ("o Pitanga ou o Caju, qual rende mais?", "product"),
        ("o app Sabia funciona offline?", "product"),
        # Whether it copes with a load is how it is; stuck below a level, or the seller gone
        # quiet after the payment, is the customer's case.
        ("o Caju 4.0 da conta de uma piscina aquecida?", "product"),
        ("minha Tucano nao passa de 45%", "support"),
        ("o consultor desapareceu depois do pix", "support"),
    ],
)
async def test_unknown_products(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


ASKED_ABOUT = ("o painel de vcs aguenta vento forte?", "e quantos anos de garantia?")


@pytest.mark.parametrize(
    "text",
    [
        "beleza, fecha pra mim",
        "cartao ou pix?",
        "show, marca a reuniao entao",
        "perfeito, me manda o contrato",
        "ok then, send over the contract",
    ],
)
async def test_deciding_after_questions_moves_to_sales(solar: tuple[Router, dict[str, str]], text: str) -> None:
    assert await routed_label(solar, text, "product", ASKED_ABOUT) == "sales"


@pytest.mark.parametrize("text", ["cartao ou pix?", "ta, agenda a visita"])
async def test_a_support_case_keeps_its_visit_and_payment(solar: tuple[Router, dict[str, str]], text: str) -> None:
    history = ("meu inversor desliga sozinho toda tarde", "ja troquei o disjuntor e nada")
    assert await routed_label(solar, text, "support", history) == "support"


async def test_a_power_cut_question_in_a_sale_is_about_the_product(solar: tuple[Router, dict[str, str]]) -> None:
    history = ("how much is a 5 kwp system?", "can I pay in 10 installments?")
    assert await routed_label(solar, "ok and does it work during an outage?", "sales", history) == "product"
