"""Routing cases of issue 16 item 2 (branch q-route12): the bill that did not go down after the
installation and moving a visit one already has are the customer's case; how long something takes
and whether one can do something with it ("da pra ver pelo tablet?"), asked cold, are questions about
the product, not a price nor something the business does not do; a warranty's length, typed "qnts", is
a term of the product; "ok deal, send the link" closes the sale whoever answered before; "ok what now"
asks the agent what comes next; what would happen once the customer has the system is no fault report;
the warranty named bare ("garantia do X?") asks its terms; "ip67?" is a spec; "nao gera" is a fault;
"can we order four ..." is a purchase; "tks" thanks; of two matters joined by "mas", the request is the
one after it.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # The bill that did not go down.
        ("my energy bill hasn't changed since the panels went up, what's going on?", "support"),
        ("ja tenho as placas faz 3 meses e a conta de luz nem diminuiu", "support"),
        # A visit or an installation the customer already has, moved.
        ("preciso adiar a instalacao pra semana que vem, vou estar viajando", "support"),
        ("can we reschedule my cleaning visit to monday?", "support"),
        # How long it takes, and whether one can do something with it, asked cold.
        ("quanto tempo leva pra montar o kit 8.2?", "product"),
        ("da pra acompanhar a producao pelo tablet?", "product"),
        ("can we watch the daily generation on a smart tv?", "product"),
        # A warranty's length, with "quantos" typed short.
        ("qnts anos de garantia tem o inversor hibrido", "product"),
        # What would happen once the customer has it.
        ("se eu instalar o kit e a rede cair, continua com luz em casa?", "product"),
        # The warranty named and nothing else: its terms. An IP rating is a spec, not an error code.
        ("garantia do microinversor?", "product"),
        ("ip67?", "product"),
        # A fault said in two words.
        ("nao gera", "support"),
        # Ordering a number of a thing, in English.
        ("can I order two of your hybrid inverters for the farm?", "sales"),
        ("can we order four batteries for the shop?", "sales"),
        # Thanks typed short.
        ("tks", "small_talk"),
        # Two matters joined by "mas": the request is the one after it.
        ("to pensando em comprar uma bateria ano que vem, mas hoje o problema e que o inversor nao liga", "support"),
        ("queria comprar mais um kit pra loja, mas antes o meu da casa parou de gerar", "support"),
    ],
)
async def test_own_case_and_product_questions(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_deal_closed_after_a_product_question_is_the_sale(solar: tuple[Router, dict[str, str]]) -> None:
    history = ("what's the inverter brand in the 5.5 kit?", "and its warranty?")
    assert await routed_label(solar, "ok deal, send the link", "product", history) == "sales"


async def test_what_now_keeps_the_matter(solar: tuple[Router, dict[str, str]]) -> None:
    history = ("the inverter screen went black", "I flipped the breaker already")
    assert await routed_label(solar, "ok so what now", "support", history) == "support"
