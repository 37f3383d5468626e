"""gRPC adapters for the turn's ports (router_svc/ports.py). Upstream errors a client caused
(INVALID_ARGUMENT, NOT_FOUND) travel back as the same domain error; anything else
becomes UNAVAILABLE, never a bare internal error."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Sequence
from typing import TypeVar

import grpc
from atende.agent.v1 import agent_service_pb2 as apb
from atende.agent.v1 import agent_service_pb2_grpc as agrpc
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as mpb
from atende.memory.v1 import memory_service_pb2_grpc as mgrpc

from atende_runtime.errors import Unavailable
from atende_runtime.grpc_errors import from_rpc_error
from router_svc.routing.llm import LabelSpec

log = logging.getLogger("atende.router.clients")
T = TypeVar("T")


async def _call(upstream: str, call: Awaitable[T]) -> T:
    try:
        return await call
    except grpc.aio.AioRpcError as error:
        domain = from_rpc_error(error)
        if domain is not None:
            raise domain from error
        log.warning("upstream failed", extra={"upstream": upstream, "code": error.code().name})
        raise Unavailable(f"{upstream} is unavailable ({error.code().name}); try again") from error


class GrpcMemory:
    def __init__(self, channel: grpc.aio.Channel, timeout: float, watch_timeout: float = 60.0) -> None:
        self.conversations = mgrpc.MemoryServiceStub(channel)
        self.timeout = timeout
        # The longest a reply may stream while its conversation's owner is watched.
        self.watch_timeout = watch_timeout

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> mpb.LookupTurnResponse:
        return await _call("memory_svc", self.conversations.LookupTurn(
            mpb.LookupTurnRequest(conversation_id=conversation_id, client_message_id=client_message_id),
            timeout=self.timeout,
        ))

    async def get_context(
        self, conversation_id: str, max_messages: int, client_message_id: str = ""
    ) -> mpb.GetContextResponse:
        return await _call("memory_svc", self.conversations.GetContext(
            mpb.GetContextRequest(
                conversation_id=conversation_id, max_messages=max_messages, client_message_id=client_message_id
            ),
            timeout=self.timeout,
        ))

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse:
        return await _call("memory_svc", self.conversations.AppendMessages(request, timeout=self.timeout))

    async def get_conversation(self, conversation_id: str) -> mpb.GetConversationResponse:
        return await _call("memory_svc", self.conversations.GetConversation(
            mpb.GetConversationRequest(conversation_id=conversation_id), timeout=self.timeout
        ))

    async def watch_owner(self, conversation_id: str) -> AsyncIterator[types_pb2.ConversationOwner]:
        # As long as a reply may take; the caller cancels it when the reply is done.
        call = self.conversations.WatchOwner(
            mpb.WatchOwnerRequest(conversation_id=conversation_id), timeout=self.watch_timeout
        )
        try:
            async for change in call:
                yield change.owner
        finally:
            call.cancel()


class GrpcAgents:
    def __init__(self, channel: grpc.aio.Channel, timeout: float) -> None:
        self.stub = agrpc.AgentServiceStub(channel)
        self.timeout = timeout

    async def generate(self, request: apb.GenerateReplyRequest) -> apb.GenerateReplyResponse:
        return await _call("agent_svc", self.stub.GenerateReply(request, timeout=self.timeout))

    async def stream(self, request: apb.GenerateReplyRequest) -> AsyncIterator[apb.StreamReplyResponse]:
        call = self.stub.StreamReply(apb.StreamReplyRequest(request=request), timeout=self.timeout)
        try:
            async for piece in call:
                yield piece
        except grpc.aio.AioRpcError as error:
            domain = from_rpc_error(error)
            if domain is not None:
                raise domain from error
            raise Unavailable(f"agent_svc is unavailable ({error.code().name}); try again") from error


class AgentCompletion:
    """The "llm" routing strategy's way to a language model until agent_svc has a
    classification RPC: a classification prompt answered by a dedicated agent."""

    def __init__(self, agents: GrpcAgents, agent: str) -> None:
        self.agents = agents
        self.agent = agent

    async def complete(self, prompt: str) -> str:
        reply = await self.agents.generate(apb.GenerateReplyRequest(
            agent=self.agent, conversation_id="router-intent-classification", user_id="router_svc", text=prompt,
            channel="api", language="en",
        ))
        return reply.text


class AgentClassifier:
    """The "llm" routing strategy's structured path: agent_svc's ClassifyText (a forced
    tool call with a JSON schema, no agent and no reply gate in between)."""

    def __init__(self, agents: GrpcAgents) -> None:
        self.agents = agents

    async def classify(self, text: str, history: Sequence[str], labels: Sequence[LabelSpec],
                       current_agent: str) -> tuple[str, float]:
        answer = await _call("agent_svc", self.agents.stub.ClassifyText(apb.ClassifyTextRequest(
            text=text, history=list(history)[-3:], current_agent=current_agent,
            labels=[apb.ClassLabel(name=x.name, description=x.description, examples=list(x.examples)) for x in labels],
        ), timeout=self.agents.timeout))
        return answer.label, answer.confidence
