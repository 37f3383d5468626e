"""agent_svc over real gRPC, in-process, with the local engine and no knowledge_svc
(retrieval then finds nothing and the agents say so instead of inventing)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest
from agent_helpers import AGENTS_D
from atende.agent.v1 import agent_service_pb2 as pb
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc
from atende.common.v1 import types_pb2

from agent_svc.app import setup
from agent_svc.settings import Settings
from atende_runtime.embedded import free_port
from atende_runtime.server import start


@pytest.fixture(scope="module")
async def agents() -> AsyncIterator[pb_grpc.AgentServiceStub]:
    settings = Settings(port=0, knowledge_addr=f"127.0.0.1:{free_port()}", knowledge_timeout_seconds=0.3, agents_dir=AGENTS_D)
    # No provider keys whatever the machine's environment: the local engine answers.
    server = await start(settings, lambda s: setup(s, settings, environ={}))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        yield pb_grpc.AgentServiceStub(channel)
    await server.stop(0)


def _request(text: str, agent: str = "sales", language: str = "pt", **fields: object) -> pb.GenerateReplyRequest:
    return pb.GenerateReplyRequest(
        agent=agent, conversation_id="c-1", user_id="u-1", text=text, channel="web", language=language, **fields
    )


async def test_lists_the_built_in_agents_then_custom_ones(agents: pb_grpc.AgentServiceStub) -> None:
    listed = await agents.ListAgents(pb.ListAgentsRequest())
    names = [a.name for a in listed.agents]
    assert names[:3] == ["sales", "support", "product"] and "concierge" in names
    assert all(a.description and a.provider == "local" for a in listed.agents)
    by_name = {a.name: a for a in listed.agents}
    assert by_name["sales"].built_in and not by_name["concierge"].built_in
    assert by_name["concierge"].knowledge_collection == "hotel"
    assert set(by_name["sales"].tools) == {"knowledge_search", "update_lead", "schedule_meeting", "send_email", "escalate"}


async def test_answers_in_the_customers_language(agents: pb_grpc.AgentServiceStub) -> None:
    pt = await agents.GenerateReply(_request("Oi", language="pt"))
    en = await agents.GenerateReply(_request("Hi", language="en"))
    assert "Olá" in pt.text and "Hi" in en.text
    assert pt.agent == "sales" and pt.provider == "local" and pt.model == "atende-local-1"


async def test_without_passages_it_does_not_invent_an_answer(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("Qual o prazo de garantia do inversor X9?", agent="support"))
    assert "Não encontrei" in reply.text
    assert not reply.citations


async def test_is_honest_about_being_automated(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("are you a bot?", language="en", agent="product"))
    assert "automated assistant" in reply.text


async def test_lead_update_and_actions_travel_in_the_response(agents: pb_grpc.AgentServiceStub) -> None:
    lead = types_pb2.Lead(
        lead_id="l-1", score=90,
        qualification=types_pb2.BantQualification(need="solar", budget="R$ 60 mil", authority="eu", timeline="mês que vem"),
    )
    history = [
        types_pb2.Message(role="user", text="Preciso de energia solar, orçamento de R$ 60 mil"),
        types_pb2.Message(role="assistant", agent="sales", text=(
            "Posso passar seus dados para um consultor preparar uma proposta? "
            "Se sim, qual o melhor e-mail ou telefone para contato?")),
    ]
    reply = await agents.GenerateReply(_request("Sim, pode: ana@lojasol.com.br", lead=lead, history=history))
    assert reply.lead_update.email == "ana@lojasol.com.br" and reply.lead_update.score >= 90
    kinds = {a.kind: dict(a.parameters) for a in reply.actions}
    assert set(kinds) == {"sync_lead", "send_email"}
    assert kinds["sync_lead"]["lead_id"] == "l-1" and kinds["sync_lead"]["need"] == "solar"


async def test_a_turn_that_learns_nothing_has_no_lead_update(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("Obrigado", agent="support"))
    assert not reply.HasField("lead_update") and not reply.actions


async def test_usage_travels_in_the_reply_and_as_trailing_metadata(agents: pb_grpc.AgentServiceStub) -> None:
    call = agents.GenerateReply(_request("Oi"))
    reply = await call
    trailing = dict(await call.trailing_metadata())
    assert float(trailing["atende-llm-ms"]) >= 0 and trailing["atende-llm-calls"] == "1"
    assert trailing["atende-cost-usd"] == "0.000000"
    assert reply.usage.calls == 1 and reply.usage.cost_usd == 0.0
    assert reply.usage.llm_ms == pytest.approx(float(trailing["atende-llm-ms"]), abs=0.01)


async def test_stream_deltas_add_up_to_the_final_reply(agents: pb_grpc.AgentServiceStub) -> None:
    pieces = [p async for p in agents.StreamReply(pb.StreamReplyRequest(request=_request("Olá, tudo bem?")))]
    final = pieces[-1].final
    assert len(pieces) > 2  # sentence by sentence
    assert final.text and "".join(p.delta for p in pieces[:-1]) == final.text


async def test_stream_rejects_bad_input_before_the_first_message(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        async for _ in agents.StreamReply(pb.StreamReplyRequest(request=_request(""))):
            pass
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_unknown_agent_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello", agent="astrologer"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "unknown agent" in (caught.value.details() or "")


async def test_text_with_nul_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello\x00"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
