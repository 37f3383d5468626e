"""Routing cases of issue 16 item 2 from routing probe q-route35's half a (written blind on 2026-12-06, tenth
session, first run at the session's last code change but these; evals/probes/README.md): homework named "num
trabalho", the utility cutting one's power for a bill unpaid, its tariff flag and an appliance's repairman are out of
scope; a house being built with solar in it is a sale; "me ajuda por favor" is asked back; the bot praised is small
talk. Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("to fazendo um trabalho de geografia sobre energia renovavel, me ajuda?", "out_of_scope"),
        ("a coelba desligou minha energia por atraso na conta, como faço pra religar?", "out_of_scope"),
        ("pq a fatura da copel veio com bandeira amarela?", "out_of_scope"),
        ("minha geladeira parou de gelar, indica um tecnico?", "out_of_scope"),
        ("estamos construindo uma casa em Londrina e queremos ja deixar as placas solares previstas", "sales"),
        ("me ajuda por favor", "clarify"),
        ("kkk esse robo é muito simpatico", "small_talk"),
        # the customer's own system and the flag: a question about their credits, not the utility's tariff alone
        ("com as placas a bandeira vermelha ainda pesa na minha conta?", "product"),
    ],
)
async def test_q35_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label
