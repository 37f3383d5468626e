"""Routing cases of issue 16 item 2 from routing probe q-route31's half a (written blind on 2026-12-06, ninth
session; evals/probes/README.md): closing the deal if a condition holds, and thinking of putting a system in at home,
are a sale; what the sale promised the bill would drop to, against what it still says, is the customer's case; the
utility's outage and someone's homework are out of scope; the team praised in regional slang is small talk.
Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("o kit Sertao 5 se paga em quanto tempo? se der menos de 6 anos eu fecho hoje", "sales"),
        ("tava pensando em colocar la no sitio, vcs atendem em Crato?", "sales"),
        ("o vendedor disse que ia baixar minha conta pra taxa minima e ta vindo 240 ainda", "support"),
        ("a Equatorial desligou a energia da rua inteira, sabem quando volta?", "out_of_scope"),
        ("minha filha tem trabalho da escola sobre energia renovavel, vcs fazem pra ela?", "out_of_scope"),
        ("vcs sao massa visse, atendimento nota 10", "small_talk"),
        # a condition about the customer's case is no closing
        ("se o tecnico vier amanha eu pago a visita ou ta na garantia?", "support"),
    ],
)
async def test_q31_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
