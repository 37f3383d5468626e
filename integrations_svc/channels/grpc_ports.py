"""The channels' calls into the mesh: a turn at router_svc, a conversation's live
messages at memory_svc. Internal calls, with no identity headers (services trust
those only from the gateway)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc
from atende.common.v1 import types_pb2
from atende.conversation.v1 import conversation_service_pb2 as conversation_pb
from atende.conversation.v1 import conversation_service_pb2_grpc as conversation_grpc
from atende.memory.v1 import live_service_pb2 as live_pb
from atende.memory.v1 import live_service_pb2_grpc as live_grpc

from atende_runtime.channels import ContextChannel, open_channel
from integrations_svc.channels.engine import LiveMessage, TurnError, TurnResult

# Codes that mean router_svc will refuse the same turn again.
_PERMANENT = {
    grpc.StatusCode.INVALID_ARGUMENT, grpc.StatusCode.FAILED_PRECONDITION, grpc.StatusCode.PERMISSION_DENIED,
    grpc.StatusCode.NOT_FOUND, grpc.StatusCode.ALREADY_EXISTS, grpc.StatusCode.OUT_OF_RANGE,
}
_OWNERS = {types_pb2.OWNER_KIND_HUMAN_QUEUE: "human_queue", types_pb2.OWNER_KIND_HUMAN: "human"}


class RouterTurns:
    def __init__(self, address: str, timeout: float) -> None:
        self.channel: ContextChannel = open_channel(address, timeout)
        self.stub = conversation_grpc.ConversationServiceStub(self.channel)
        self.timeout = timeout

    async def close(self) -> None:
        await self.channel.close()

    async def send(
        self, *, conversation_id: str, user_id: str, text: str, channel: str, client_message_id: str,
        metadata: dict[str, str],
    ) -> TurnResult:
        request = conversation_pb.SendMessageRequest(
            conversation_id=conversation_id, user_id=user_id, text=text, channel=channel,
            client_message_id=client_message_id, metadata=metadata,
        )
        try:
            response = await self.stub.SendMessage(request, timeout=self.timeout)
        except grpc.aio.AioRpcError as error:
            raise TurnError(f"{error.code().name}: {error.details()}", permanent=error.code() in _PERMANENT) from None
        return TurnResult(reply=response.reply.text, owner_kind=_OWNERS.get(response.owner.kind, "agent"))


# A watch is one long call; it is opened again (from the last message seen) after this.
WATCH_SECONDS = 3600.0


class LiveConversations:
    def __init__(self, address: str) -> None:
        self.channel: ContextChannel = open_channel(address, WATCH_SECONDS)
        self.stub = live_grpc.LiveServiceStub(self.channel)

    async def close(self) -> None:
        await self.channel.close()

    async def watch(self, conversation_id: str, after_message_id: str) -> AsyncIterator[LiveMessage]:
        request = live_pb.WatchConversationRequest(conversation_id=conversation_id, after_message_id=after_message_id)
        call = self.stub.WatchConversation(request, timeout=WATCH_SECONDS)
        try:
            async for event in call:
                if event.HasField("message"):
                    m = event.message
                    yield LiveMessage(message_id=m.message_id, role=m.role, text=m.text, metadata=dict(m.metadata))
        finally:
            call.cancel()
