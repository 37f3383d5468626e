"""A message the router read as out of scope reaches an agent with `out_of_scope` set: the
router asks whether the knowledge base answers it all the same (router_svc/turn.py). The agent
answers, with citations, only when its best evidence clears agent_svc/evidence.py SCOPE_FLOOR;
otherwise it says it does not know, cites nothing and calls no model, and the router sends its
own out-of-scope reply. The passages are an invented pool-heating company's."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from agent_helpers import MemoryKnowledge, make_turn

from agent_svc.app import build_runtime
from agent_svc.domain import Passage
from agent_svc.runtime import AgentRuntime
from agent_svc.settings import Settings
from atende_guardrails.encoder import UsemEncoder
from devstack.fake_llm import FakeLLMServer

DOCS = [
    Passage("bc9", "Bomba de calor BC-9", "bc9.md",
            "A bomba de calor BC-9 aquece a água da piscina até 40 °C. Ela consome 2,1 kW e funciona com "
            "temperatura externa a partir de 5 °C.", 0.0),
    Passage("backup", "Bateria e backup", "backup.md",
            "Com a bateria BT-5, uma casa mantém a geladeira, as luzes e o roteador ligados por até 8 horas "
            "sem energia da rede.", 0.0),
    Passage("entrega", "Entrega", "entrega.md",
            "Entregamos em todo o Nordeste em até 7 dias úteis. A instalação é agendada na entrega.", 0.0),
]
ANSWERED = "a bc-9 aquece a piscina ate quantos graus?"
NEAR_MISS = "vcs consertam geladeira?"


def runtime_with(encoder: UsemEncoder, environ: dict[str, str] | None = None,
                 knowledge: MemoryKnowledge | None = None) -> AgentRuntime:
    return build_runtime(Settings(knowledge_addr=""), knowledge or MemoryKnowledge(DOCS),  # type: ignore[call-arg]
                         environ=environ or {}, encoder=encoder)


@pytest.fixture
async def llm() -> AsyncIterator[FakeLLMServer]:
    server = FakeLLMServer(default_text="Consertamos geladeiras, sim! [1]")
    await server.start()
    yield server
    await server.stop()


async def test_a_message_the_knowledge_base_answers_is_answered_with_citations(encoder: UsemEncoder) -> None:
    reply = await runtime_with(encoder).reply(replace(make_turn(ANSWERED, agent="product"), out_of_scope=True))
    assert "40 °C" in reply.text, reply.text
    assert [c.document_id for c in reply.citations] == ["bc9"]


async def test_an_answered_message_searches_the_knowledge_base_once(encoder: UsemEncoder) -> None:
    knowledge = MemoryKnowledge(DOCS)
    runtime = runtime_with(encoder, knowledge=knowledge)
    reply = await runtime.reply(replace(make_turn(ANSWERED, agent="product"), out_of_scope=True))
    assert reply.citations and len(knowledge.queries) == 1, knowledge.queries
    chunks = [item async for item in runtime.stream(replace(make_turn(ANSWERED, agent="product"), out_of_scope=True))]
    assert "40 °C" in "".join(c for c in chunks if isinstance(c, str))
    assert len(knowledge.queries) == 2, knowledge.queries


async def test_a_near_miss_is_declined_without_citations(encoder: UsemEncoder) -> None:
    runtime = runtime_with(encoder)
    turn = make_turn(NEAR_MISS, agent="product")
    declined = await runtime.reply(replace(turn, out_of_scope=True))
    assert declined.citations == [] and "geladeira" not in declined.text.lower()
    assert declined.text == runtime.get("product").playbook.say("pt", "no_answer")
    # The same message routed to the agent as any other is answered by the usual, lower bar.
    assert (await runtime.reply(turn)).citations


async def test_a_declined_message_costs_no_model_call(encoder: UsemEncoder, llm: FakeLLMServer) -> None:
    environ = {"OPENAI_API_KEY": "sk-test-scope", "OPENAI_BASE_URL": llm.openai_base_url}
    runtime = runtime_with(encoder, environ)
    declined = await runtime.reply(replace(make_turn(NEAR_MISS, agent="product"), out_of_scope=True))
    assert declined.citations == [] and not llm.requests
    answered = await runtime.reply(replace(make_turn(ANSWERED, agent="product"), out_of_scope=True))
    assert llm.requests and answered.provider == "openai"


async def test_a_reply_that_says_it_does_not_know_cites_nothing(encoder: UsemEncoder) -> None:
    # The sales agent's "Não encontrei… um consultor confirmar com você… Para eu indicar…"
    # shares "essa", "para", "consultor" and "você" with this passage: its own phrases used to
    # count as a quote of it, so a reply that says it does not know cited a document.
    kits = Passage("kits", "Catálogo de kits", "kits.md",
                   'Lembre que a distribuidora sempre cobra o custo de disponibilidade (taxa mínima), então não '
                   'compensa dimensionar o sistema para "zerar" exatamente o consumo. Nosso consultor faz essa '
                   "conta com você na visita técnica gratuita.", 0.0)
    runtime = runtime_with(encoder, knowledge=MemoryKnowledge([kits, *DOCS]))
    reply = await runtime.reply(make_turn("o sistema vem com seguro contra roubo?", agent="sales"))
    book = runtime.get("sales").playbook
    assert book.say("pt", "no_answer") in reply.text, reply.text
    assert reply.citations == []
    # A reply that does quote the passage still cites it.
    quoted = await runtime.reply(make_turn("vale a pena dimensionar o sistema para zerar o consumo?", agent="sales"))
    assert "custo de disponibilidade" in quoted.text, quoted.text
    assert [c.document_id for c in quoted.citations] == ["kits"]
