"""gRPC adapters for the orchestrator's ports. Upstream errors a client caused
(INVALID_ARGUMENT, NOT_FOUND) travel back as the same domain error; anything else
becomes UNAVAILABLE, never a bare internal error."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable
from typing import TypeVar

import grpc
from atende.agent.v1 import agent_service_pb2 as apb
from atende.agent.v1 import agent_service_pb2_grpc as agrpc
from atende.memory.v1 import memory_service_pb2 as mpb
from atende.memory.v1 import memory_service_pb2_grpc as mgrpc

from atende_runtime.errors import Unavailable
from atende_runtime.grpc_errors import from_rpc_error

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
    def __init__(self, channel: grpc.aio.Channel, timeout: float) -> None:
        self.conversations = mgrpc.MemoryServiceStub(channel)
        self.timeout = timeout

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> mpb.LookupTurnResponse:
        return await _call("memory_svc", self.conversations.LookupTurn(
            mpb.LookupTurnRequest(conversation_id=conversation_id, client_message_id=client_message_id),
            timeout=self.timeout,
        ))

    async def get_context(self, conversation_id: str, max_messages: int) -> mpb.GetContextResponse:
        return await _call("memory_svc", self.conversations.GetContext(
            mpb.GetContextRequest(conversation_id=conversation_id, max_messages=max_messages), timeout=self.timeout
        ))

    async def append(self, request: mpb.AppendMessagesRequest) -> mpb.AppendMessagesResponse:
        return await _call("memory_svc", self.conversations.AppendMessages(request, timeout=self.timeout))

    async def get_conversation(self, conversation_id: str) -> mpb.GetConversationResponse:
        return await _call("memory_svc", self.conversations.GetConversation(
            mpb.GetConversationRequest(conversation_id=conversation_id), timeout=self.timeout
        ))

    async def record_interaction(self, interaction: mpb.Interaction) -> None:
        await _call("memory_svc", self.conversations.RecordInteraction(
            mpb.RecordInteractionRequest(interaction=interaction), timeout=self.timeout
        ))


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
