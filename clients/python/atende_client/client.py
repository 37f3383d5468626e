"""The blocking client: one gRPC channel to the gateway, typed exceptions, resends."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import TypeVar

import grpc
from atende.agent.v1 import agent_service_pb2 as apb
from atende.agent.v1 import agent_service_pb2_grpc as agrpc
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as cpb
from atende.conversation.v1 import conversation_service_pb2_grpc as cgrpc

from atende_client._core import DEFAULT_RETRIES, DEFAULT_TIMEOUT, Attempts, Settings, turn_request

Request = TypeVar("Request")
Response = TypeVar("Response")


class Client:
    """A blocking client of atende's public gRPC API, through the gateway.

        with Client("localhost:8080", api_key="...") as client:
            turn = client.send_message("demo-1", "Quanto custa o kit solar?", user_id="maria")
            print(turn.reply.agent, turn.reply.text)

    Every argument has a default from the environment (ATENDE_ADDRESS, ATENDE_API_KEY,
    ATENDE_TOKEN). Each call has a deadline (`timeout` seconds, the constructor's unless
    the call gives its own) that covers its resends: a call that ends UNAVAILABLE is sent
    again, up to `retries` times with growing pauses, with the same client_message_id, so
    the server runs the turn once. Failures raise atende_client.errors' typed exceptions
    (InvalidArgument with field_violations, NotFound, Unauthenticated, ...).

    `conversations` and `agents` are the raw typed stubs, for what the methods do not cover.
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
            grpc.secure_channel(self.settings.address, credentials)
            if credentials is not None
            else grpc.insecure_channel(self.settings.address)
        )
        self.conversations = cgrpc.ConversationServiceStub(self._channel)
        self.agents = agrpc.AgentServiceStub(self._channel)

    def send_message(
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
        """Runs one customer turn and returns the agent's reply (with intent, lead and owner).
        A new conversation_id starts a conversation; an existing one continues it."""
        request = turn_request(cpb.SendMessageRequest, conversation_id, text, user_id, channel, client_message_id, metadata)
        return self._unary(self.conversations.SendMessage, request, timeout)

    def stream_message(
        self,
        conversation_id: str,
        text: str,
        *,
        user_id: str,
        channel: str = "api",
        client_message_id: str | None = None,
        metadata: Mapping[str, str] | None = None,
        timeout: float | None = None,
    ) -> Iterator[cpb.StreamMessageResponse]:
        """Runs one customer turn and yields the reply as it is produced: `delta` pieces of
        checked text, then a last message whose `final` is the whole turn. A call that ends
        UNAVAILABLE before its first piece is sent again; after that, the error is raised
        (send the same client_message_id again to get the stored turn)."""
        request = turn_request(cpb.StreamMessageRequest, conversation_id, text, user_id, channel, client_message_id, metadata)
        attempts = Attempts(timeout or self.settings.timeout, self.settings.retries)
        while True:
            call = self.conversations.StreamMessage(request, timeout=attempts.left(), metadata=self.settings.metadata())
            started = False
            try:
                for response in call:
                    started = True
                    yield response
                return
            except grpc.RpcError as error:
                time.sleep(attempts.pause_after(error, started))
            finally:
                # A caller that stops reading early ends the call (a no-op once it is done);
                # grpc-stubs leave cancel() unannotated.
                call.cancel()  # type: ignore[no-untyped-call]

    def get_conversation(self, conversation_id: str, *, timeout: float | None = None) -> types_pb2.Conversation:
        """The conversation with its messages, owner and hand-off packet; NotFound if unknown."""
        request = cpb.GetConversationRequest(conversation_id=conversation_id)
        return self._unary(self.conversations.GetConversation, request, timeout)

    def list_agents(self, *, timeout: float | None = None) -> apb.ListAgentsResponse:
        """The deployment's agents (sales, support, product and custom ones)."""
        return self._unary(self.agents.ListAgents, apb.ListAgentsRequest(), timeout)

    def _unary(
        self, method: Callable[..., Response], request: Request, timeout: float | None
    ) -> Response:
        attempts = Attempts(timeout or self.settings.timeout, self.settings.retries)
        while True:
            try:
                return method(request, timeout=attempts.left(), metadata=self.settings.metadata())
            except grpc.RpcError as error:
                time.sleep(attempts.pause_after(error))

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()
