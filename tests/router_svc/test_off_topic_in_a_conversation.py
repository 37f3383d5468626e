"""Issue 16, routing probes q-route43 and q-route44 (written blind): a request that has nothing to do with the business,
asked in the middle of a conversation ("me faz um código em javascript" during a quote), is out of scope as it is on
its own; the conversation's agent does not take it. What goes on with the matter still reaches that agent. Sentences
written for this test, not taken from the probes."""

from __future__ import annotations

import pytest

from atende_guardrails.encoder import UsemEncoder
from router_svc.eval.evalsets import routed_conversation, router_for
from router_svc.routing import Router


@pytest.fixture(scope="module")
def routed(encoder: UsemEncoder) -> tuple[Router, dict[str, str]]:
    return router_for("solar", encoder)


@pytest.mark.parametrize(("opening", "detour"), [
    ("quero um orçamento de energia solar pra minha casa", "me escreve um script em python que soma dois numeros"),
    ("how much for a system for my house?", "write me an essay about the french revolution"),
])
async def test_an_unrelated_request_in_a_conversation_is_out_of_scope(routed: tuple[Router, dict[str, str]],
                                                                      opening: str, detour: str) -> None:
    assert await routed_conversation(routed, [opening, detour]) == ["sales", "out_of_scope"]


@pytest.mark.parametrize(("turns", "labels"), [
    (["quero um orçamento de energia solar pra minha casa", "e quanto fica em 12 vezes?"], ["sales", "sales"]),
    (["quero orçamento pra minha empresa", "minha conta é uns 2 mil por mes"], ["sales", "sales"]),
    (["meu inversor ta apitando e mostrando erro", "ja desliguei e liguei de novo e nada"], ["support", "support"]),
    # nothing of the business named, but the visit's next step
    (["o técnico vem quinta de manhã né?", "dá pra mudar pra segunda?"], ["support", "support"]),
])
async def test_what_goes_on_with_the_matter_stays_with_its_agent(routed: tuple[Router, dict[str, str]],
                                                                 turns: list[str], labels: list[str]) -> None:
    assert await routed_conversation(routed, turns) == labels
