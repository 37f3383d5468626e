"""Thin gRPC layer of agent_svc: protobuf in, domain call, protobuf out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
from atende.agent.v1 import agent_service_pb2 as pb
from atende.agent.v1 import agent_service_pb2_grpc as pb_grpc
from atende.common.v1 import types_pb2

from agent_svc.domain import AgentReply, HistoryMessage, TurnInput
from agent_svc.runtime import AgentRuntime
from atende_runtime import grpc_errors

Context = grpc.aio.ServicerContext[Any, Any]


def to_turn(request: pb.GenerateReplyRequest) -> TurnInput:
    return TurnInput(
        agent=request.agent,
        conversation_id=request.conversation_id,
        user_id=request.user_id,
        text=request.text,
        channel=request.channel,
        language=request.language or "en",
        history=tuple(HistoryMessage(m.role, m.text, m.agent) for m in request.history),
        summary=request.summary,
        intent=request.intent.name,
    )


def to_response(reply: AgentReply) -> pb.GenerateReplyResponse:
    return pb.GenerateReplyResponse(
        text=reply.text,
        agent=reply.agent,
        citations=[
            types_pb2.Citation(source=p.source, title=p.title, snippet=p.text[:300], document_id=p.document_id)
            for p in reply.citations
        ],
        guardrails=[types_pb2.GuardrailAction(check=g.check, action=g.action, detail=g.detail) for g in reply.guardrails],
        provider=reply.provider,
        model=reply.model,
    )


class AgentServicer(pb_grpc.AgentServiceServicer):
    def __init__(self, runtime: AgentRuntime, provider_name: str) -> None:
        self.runtime = runtime
        self.provider_name = provider_name

    @grpc_errors.unary
    async def GenerateReply(self, request: pb.GenerateReplyRequest, context: Context) -> pb.GenerateReplyResponse:
        return to_response(await self.runtime.reply(to_turn(request)))

    @grpc_errors.server_stream
    async def StreamReply(self, request: pb.StreamReplyRequest, context: Context) -> AsyncIterator[pb.StreamReplyResponse]:
        # The reply is checked whole before any of it is released, so no unchecked
        # text can leave; sentences are then sent one by one.
        response = to_response(await self.runtime.reply(to_turn(request.request)))
        for sentence in _sentences(response.text):
            yield pb.StreamReplyResponse(delta=sentence)
        yield pb.StreamReplyResponse(final=response)

    @grpc_errors.unary
    async def ListAgents(self, request: pb.ListAgentsRequest, context: Context) -> pb.ListAgentsResponse:
        return pb.ListAgentsResponse(
            agents=[
                pb.AgentInfo(
                    name=agent.name,
                    description=agent.description,
                    built_in=True,
                    provider=self.provider_name,
                    tools=list(agent.tools),
                    knowledge_collection=agent.collection if agent.uses_knowledge else "",
                )
                for agent in self.runtime.agents.values()
            ]
        )


def _sentences(text: str) -> list[str]:
    import re

    parts = re.split(r"(?<=[.!?])(\s+)", text)
    pieces: list[str] = []
    for index in range(0, len(parts), 2):
        chunk = parts[index] + (parts[index + 1] if index + 1 < len(parts) else "")
        if chunk:
            pieces.append(chunk)
    return pieces
