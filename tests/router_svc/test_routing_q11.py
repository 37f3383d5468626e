"""Routing cases of issue 16 item 2 (branch q-route11): a product whose name is a word of buying
("Reserva 10", a battery) asked about is a product question, not an order to reserve ten; a noise
named before what it does to the household, and moving house with the system one has, are the
customer's case; "ok, e aí?" after the agent spoke asks what comes next in the matter, not hello.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # A battery called "Reserva": asked about, in stock or not, is the product.
        ("a Reserva 20 ainda ta disponivel?", "product"),
        # ... while reserving some for oneself is still a sale.
        ("reserva 3 paineis pra mim, pago amanha", "sales"),
        # The noise first, then what it does at home.
        ("o chiado da bateria atrapalha o sono das criancas, o que faço?", "support"),
        # Moving house with the system already installed.
        ("vou me mudar de casa mes que vem, as placas vao junto?", "support"),
    ],
)
async def test_named_battery_noise_and_moving(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_battery_named_reserva_followed_up_in_a_product_question(solar: tuple[Router, dict[str, str]]) -> None:
    history = ("o inversor hibrido liga sem bateria nenhuma?",)
    assert await routed_label(solar, "e com a reserva 10?", "product", history) == "product"


@pytest.mark.parametrize(
    ("agent", "history"),
    [
        ("support", ("o sistema desligou sozinho de novo", "ja chequei o disjuntor")),
        ("sales", ("quanto sai um kit pra conta de 600?", "e com duas baterias?")),
    ],
)
async def test_what_next_after_the_agent_keeps_the_matter(
    solar: tuple[Router, dict[str, str]], agent: str, history: tuple[str, ...]
) -> None:
    assert await routed_label(solar, "blz, e ai?", agent, history) == agent
