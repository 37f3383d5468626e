"""The README's demo questions, asked of the built-in agents with the local engine and
the sample knowledge base behind them (what `make run` serves): the customer gets
the fact (a kit's price, what an error code means), cited, in their language, and a
plain "I don't know" with the offer of a person when the KB has no answer."""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from agent_svc.domain import AgentReply, TurnInput
from agent_svc.runtime import AgentRuntime
from knowledge_svc.eval.answers import KBS, KnowledgePort

# Every price of the sample KB's price table ("tabela-de-precos.md"), as written there.
KIT_PRICES = ("R$ 13.490", "R$ 16.990", "R$ 19.990", "R$ 24.490", "R$ 28.900", "R$ 34.900", "R$ 18.500", "R$ 20.300")


@pytest.fixture(scope="module")
async def runtime() -> AsyncIterator[AgentRuntime]:
    from agent_svc.app import build_runtime
    from agent_svc.settings import Settings as AgentSettings
    from atende_guardrails.encoder import UsemEncoder
    from knowledge_svc.app import build_embedder, build_store, load_folder
    from knowledge_svc.knowledge import KnowledgeBase
    from knowledge_svc.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="atende-sample-kb-"))
    encoder = UsemEncoder()
    await encoder.start()
    settings = Settings(milvus_uri=str(folder / "sample.db"), load_sample_kb=False)
    embedder = build_embedder(settings)
    store = build_store(settings, embedder)
    knowledge = KnowledgeBase(store, embedder, settings.limits())
    await load_folder(knowledge, "sample", KBS["solar"][0])
    port: Any = KnowledgePort(knowledge, "sample")
    built = build_runtime(AgentSettings(knowledge_addr=""), port, environ={}, encoder=encoder)  # type: ignore[call-arg]
    try:
        yield built
    finally:
        await built.close()
        store.close()
        encoder.close()
        shutil.rmtree(folder, ignore_errors=True)


async def ask(runtime: AgentRuntime, agent: str, text: str, conversation: str) -> AgentReply:
    return await runtime.reply(TurnInput(agent, conversation, "demo-user", text, "web", ""))


@pytest.mark.parametrize("question", ["Quanto custa o kit solar para minha casa?", "Quanto custa o kit solar?"])
async def test_the_price_question_of_the_demo_is_answered_with_a_price(runtime: AgentRuntime, question: str) -> None:
    reply = await ask(runtime, "sales", question, f"demo-price-{len(question)}")
    assert any(price in reply.text for price in KIT_PRICES), reply.text
    assert "Não encontrei" not in reply.text
    assert "tabela-de-precos" in {c.document_id for c in reply.citations}


@pytest.mark.parametrize("question", ["My inverter shows error E-104, what should I do?",
                                      "my inverter shows error E104 what do i do",
                                      "o inversor ta dando erro e104, oq eu faço?"])
async def test_the_error_code_question_of_the_demo_is_answered_from_the_troubleshooting_guide(
    runtime: AgentRuntime, question: str
) -> None:
    # Customers type the code with or without its hyphen; the guide writes "E-104".
    reply = await ask(runtime, "support", question, "demo-error")
    assert "Insulation fault" in reply.text, reply.text
    assert "inverter-error-codes" in {c.document_id for c in reply.citations}


async def test_a_portuguese_question_answered_from_an_english_document_says_so_in_portuguese(
    runtime: AgentRuntime,
) -> None:
    reply = await ask(runtime, "support", "Meu inversor mostra o erro E-301, o que eu faço?", "demo-cross")
    assert "75 °C" in reply.text, reply.text
    assert re.search(r"documento em ingl[eê]s", reply.text), reply.text
    assert "inverter-error-codes" in {c.document_id for c in reply.citations}


@pytest.mark.parametrize("question", ["Vocês vendem turbinas eólicas para sítio?",
                                      "Qual o nível de ruído do carregador SB-EV7 em decibéis?"])
async def test_a_question_the_sample_kb_does_not_answer_gets_i_do_not_know_and_a_person(
    runtime: AgentRuntime, question: str
) -> None:
    reply = await ask(runtime, "product", question, f"demo-unknown-{len(question)}")
    assert re.search(r"n[ãa]o encontrei", reply.text, re.I), reply.text
    assert re.search(r"pessoa|atendente|consultor|equipe", reply.text, re.I), reply.text
    assert not reply.citations
