"""A greeting followed by a question is answered (Juriti probe, written blind: "oi! qual inversor vem no JS-K8"
got the product agent's greeting and nothing else); a greeting alone still gets the greeting. The product agent
with the local engine over the helpers' small knowledge base; the sentences are written for this test."""

from __future__ import annotations

import pytest
from agent_helpers import make_runtime, make_turn

from agent_svc.llm.local import _only_greets


async def test_a_question_after_a_greeting_is_answered() -> None:
    runtime = make_runtime()
    greeting = runtime.get("product").playbook.say("pt", "greeting")
    reply = await runtime.reply(make_turn("oi! o comercial custa quanto?", agent="product"))
    assert "64.000" in reply.text
    assert greeting not in reply.text


async def test_a_greeting_alone_gets_the_greeting() -> None:
    runtime = make_runtime()
    greeting = runtime.get("product").playbook.say("pt", "greeting")
    reply = await runtime.reply(make_turn("oi", agent="product"))
    assert greeting in reply.text


@pytest.mark.parametrize("text", ["oi", "Olá!", "bom dia", "hi there", "e aí, beleza?", "oi, tudo bem?"])
def test_greetings_alone(text: str) -> None:
    assert _only_greets(text)


@pytest.mark.parametrize("text", ["oi! qual bateria vem no kit 5", "hey, how much is the kit?", "oi, preço do kit 5?",
                                  "bom dia, vcs abrem sabado?"])
def test_questions_after_a_greeting(text: str) -> None:
    assert not _only_greets(text)
