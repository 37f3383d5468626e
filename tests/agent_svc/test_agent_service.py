"""agent_svc over real gRPC, in-process, with the local engine and no knowledge_svc
(retrieval then finds nothing and the agents say so instead of inventing)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
import pytest

from agent_svc.app import setup
from agent_svc.settings import Settings
from atende.agent.v1 import agent_service_pb2 as pb
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc
from atende_runtime.embedded import free_port
from atende_runtime.server import start


@pytest.fixture(scope="module")
async def agents() -> AsyncIterator[pb_grpc.AgentServiceStub]:
    settings = Settings(port=0, knowledge_addr=f"127.0.0.1:{free_port()}", knowledge_timeout_seconds=0.3)
    server = await start(settings, lambda s: setup(s, settings))
    async with grpc.aio.insecure_channel(f"127.0.0.1:{server.port}") as channel:
        yield pb_grpc.AgentServiceStub(channel)
    await server.stop(0)


def _request(text: str, agent: str = "sales", language: str = "pt") -> pb.GenerateReplyRequest:
    return pb.GenerateReplyRequest(
        agent=agent, conversation_id="c-1", user_id="u-1", text=text, channel="web", language=language
    )


async def test_lists_the_built_in_agents(agents: pb_grpc.AgentServiceStub) -> None:
    listed = await agents.ListAgents(pb.ListAgentsRequest())
    assert {a.name for a in listed.agents} >= {"sales", "support", "product"}
    assert all(a.description and a.provider == "local" for a in listed.agents)


async def test_answers_in_the_customers_language(agents: pb_grpc.AgentServiceStub) -> None:
    pt = await agents.GenerateReply(_request("Oi", language="pt"))
    en = await agents.GenerateReply(_request("Hi", language="en"))
    assert "Olá" in pt.text and "Hi" in en.text
    assert pt.agent == "sales" and pt.provider == "local"


async def test_without_passages_it_does_not_invent_an_answer(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("Qual o prazo de garantia do inversor X9?", agent="support"))
    assert "Não encontrei" in reply.text
    assert not reply.citations


async def test_is_honest_about_being_automated(agents: pb_grpc.AgentServiceStub) -> None:
    reply = await agents.GenerateReply(_request("are you a bot?", language="en", agent="product"))
    assert "automated assistant" in reply.text


async def test_stream_deltas_add_up_to_the_final_reply(agents: pb_grpc.AgentServiceStub) -> None:
    pieces = [p async for p in agents.StreamReply(pb.StreamReplyRequest(request=_request("Olá, tudo bem?")))]
    final = pieces[-1].final
    assert final.text and "".join(p.delta for p in pieces[:-1]) == final.text


async def test_unknown_agent_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello", agent="astrologer"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "unknown agent" in (caught.value.details() or "")


async def test_text_with_nul_is_invalid_argument(agents: pb_grpc.AgentServiceStub) -> None:
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await agents.GenerateReply(_request("hello\x00"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
