"""Routing cases of issue 16 item 2 from routing probe q-route33's half a (written blind on 2026-12-06, tenth
session; evals/probes/README.md): the street's blackout with nothing of one's own, a telecom's number, an exchange rate
and physics homework are out of scope; what one paid for a system against the bill it still brings is the customer's
case; more panels added is a sale; a case supposed is a product question; a technician praised and the heat "good for
you" are small talk; "e o inversor?" opening a conversation is asked back; an identifier handed over after "ok" answers
the agent. Sentences are written for these tests (not taken from evals/ or the probes)."""

from __future__ import annotations

import pytest

from router_svc.eval.evalsets import routed_conversation, routed_label
from router_svc.routing import Router


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("caiu a energia na rua toda, sabem quando volta?", "out_of_scope"),
        ("qual o numero da vivo pra cancelar meu plano?", "out_of_scope"),
        ("qual a cotação do dolar hoje?", "out_of_scope"),
        ("me ajuda com um exercicio de fisica sobre circuito em serie?", "out_of_scope"),
        ("gastei 28 mil no sistema e a fatura ainda vem 350, quero uma explicação", "support"),
        ("could we add six more panels? we got an electric car", "sales"),
        ("vamos supor que eu mude de cidade, da pra levar o sistema?", "product"),
        ("parabens pra equipe, atendimento top", "small_talk"),
        ("e a bateria?", "clarify"),
        # the neighbourhood's blackout with the customer's own inverter named is their case
        ("caiu a luz no bairro e agora meu inversor nao religa", "support"),
    ],
)
async def test_q33_cases(solar: tuple[Router, dict[str, str]], text: str, label: str) -> None:
    assert await routed_label(solar, text) == label


async def test_a_serial_number_after_ok_answers_support(solar: tuple[Router, dict[str, str]]) -> None:
    labels = await routed_conversation(solar, [
        "o app mostra falha de comunicação no inversor desde ontem",
        "onde fica o numero de serie?",
        "achei: SN-4471209",
        "ok, valeu",
    ])
    assert labels == ["support", "support", "support", "small_talk"]
