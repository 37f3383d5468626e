"""The asyncio client (grpc.aio): the same calls as Client, awaited."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from types import TracebackType
from typing import TypeVar

import grpc
import grpc.aio
from atende.agent.v1 import agent_service_pb2 as apb
from atende.agent.v1 import agent_service_pb2_grpc as agrpc
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.conversation.v1 import conversation_service_pb2_grpc as cgrpc

from atende_client._core import DEFAULT_RETRIES, DEFAULT_TIMEOUT, Attempts, Settings, turn_request

Request = TypeVar("Request")
Response = TypeVar("Response")


class AsyncClient:
    """An asyncio client of atende's public gRPC API; see Client for the settings, the
    deadlines, the resends after UNAVAILABLE and the typed exceptions.

        async with AsyncClient(api_key="...") as client:
            async for piece in client.stream_message("demo-1", "E a garantia?", user_id="maria"):
                print(piece.delta, end="", flush=True)

    Create it inside the running event loop (grpc.aio binds its channel to that loop).
    """

    def __init__(
        self,
        address: str | None = None,
        *,
        api_key: str | None = None,
        token: str | None = None,
        tls: bool = False,
        root_certificates: bytes | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retries: int = DEFAULT_RETRIES,
    ) -> None:
        self.settings = Settings.make(address, api_key, token, tls, root_certificates, timeout, retries)
        credentials = self.settings.credentials()
        self._channel = (
            grpc.aio.secure_channel(self.settings.address, credentials)
            if credentials is not None
            else grpc.aio.insecure_channel(self.settings.address)
        )
        self.conversations = cgrpc.ConversationServiceStub(self._channel)
        self.agents = agrpc.AgentServiceStub(self._channel)

    async def send_message(
        self,
        conversation_id: str,
        text: str,
        *,
        user_id: str,
        channel: str = "api",
        client_message_id: str | None = None,
        metadata: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> cpb.SendMessageResponse:
        """Runs one customer turn and returns the agent's reply (Client.send_message)."""
        request = turn_request(cpb.SendMessageRequest, conversation_id, text, user_id, channel, client_message_id, metadata)
        return await self._unary(self.conversations.SendMessage, request, timeout)

    async def stream_message(
        self,
        conversation_id: str,
        text: str,
        *,
        user_id: str,
        channel: str = "api",
        client_message_id: str | None = None,
        metadata: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> AsyncIterator[cpb.StreamMessageResponse]:
        """Runs one customer turn and yields its pieces, then the final turn (Client.stream_message)."""
        request = turn_request(cpb.StreamMessageRequest, conversation_id, text, user_id, channel, client_message_id, metadata)
        attempts = Attempts(timeout or self.settings.timeout, self.settings.retries)
        while True:
            call = self.conversations.StreamMessage(request, timeout=attempts.left(), metadata=self.settings.metadata())
            started = False
            try:
                async for response in call:
                    started = True
                    yield response
                return
            except grpc.RpcError as error:
                await asyncio.sleep(attempts.pause_after(error, started))
            finally:
                call.cancel()

    async def get_conversation(self, conversation_id: str, *, timeout: float | None = None) -> types_pb2.Conversation:
        """The conversation with its messages and owner; NotFound if unknown."""
        request = cpb.GetConversationRequest(conversation_id=conversation_id)
        return await self._unary(self.conversations.GetConversation, request, timeout)

    async def list_agents(self, *, timeout: float | None = None) -> apb.ListAgentsResponse:
        """The deployment's agents."""
        return await self._unary(self.agents.ListAgents, apb.ListAgentsRequest(), timeout)

    async def _unary(
        self, method: Callable[..., Awaitable[Response]], request: Request, timeout: float | None
    ) -> Response:
        attempts = Attempts(timeout or self.settings.timeout, self.settings.retries)
        while True:
            try:
                return await method(request, timeout=attempts.left(), metadata=self.settings.metadata())
            except grpc.RpcError as error:
                await asyncio.sleep(attempts.pause_after(error))

    async def close(self) -> None:
        await self._channel.close(None)

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close()
