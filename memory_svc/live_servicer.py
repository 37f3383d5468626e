"""LiveService over gRPC: who may watch what, and the domain's events as protobuf."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import grpc
from atende.memory.v1 import live_service_pb2 as pb
from atende.memory.v1 import live_service_pb2_grpc as pb_grpc

from atende_runtime.errors import PermissionDenied
from atende_runtime.identity import Caller, Role
from memory_svc.codec import message_pb, timestamp
from memory_svc.convert import handoff_pb, owner_pb
from memory_svc.live import Live

Ctx = grpc.aio.ServicerContext[Any, Any]


def _heartbeat() -> pb.Heartbeat:
    return pb.Heartbeat(time=timestamp(datetime.now(UTC)))


class LiveServicer(pb_grpc.LiveServiceServicer):
    def __init__(self, live: Live) -> None:
        self.live = live

    async def WatchConversation(
        self, request: pb.WatchConversationRequest, context: Ctx
    ) -> AsyncIterator[pb.WatchConversationResponse]:
        # A customer's credential reaches its own conversation only: refused before
        # the first message, so a REST client gets a 403, not a broken stream.
        Caller.from_metadata(context.invocation_metadata()).check_conversation(request.conversation_id)
        async for event in self.live.watch_conversation(request.conversation_id, request.after_message_id):
            if event.message is not None:
                yield pb.WatchConversationResponse(message=message_pb(event.message))
            elif event.owner is not None:
                owner = event.owner
                yield pb.WatchConversationResponse(owner=owner_pb(owner.kind, owner.owner_id, owner.since))
            elif event.typing is not None:
                t = event.typing
                yield pb.WatchConversationResponse(typing=pb.Typing(role=t.role, name=t.name, active=t.active))
            else:
                yield pb.WatchConversationResponse(heartbeat=_heartbeat())

    async def WatchHandoffs(
        self, request: pb.WatchHandoffsRequest, context: Ctx
    ) -> AsyncIterator[pb.WatchHandoffsResponse]:
        # The gateway admits agents and admins only; a customer header never gets here
        # through it, but the queue is refused here as well.
        if Caller.from_metadata(context.invocation_metadata()).role is Role.CUSTOMER:
            raise PermissionDenied("the hand-off queue is for human agents")
        async for rows in self.live.watch_queue(request.queue, request.include_claimed):
            if rows is None:
                yield pb.WatchHandoffsResponse(heartbeat=True)
            else:
                yield pb.WatchHandoffsResponse(handoffs=[handoff_pb(r) for r in rows])

    async def SendTyping(self, request: pb.SendTypingRequest, context: Ctx) -> pb.SendTypingResponse:
        caller = Caller.from_metadata(context.invocation_metadata())
        caller.check_conversation(request.conversation_id)
        role = "customer" if caller.role is Role.CUSTOMER else "human"
        await self.live.typing(request.conversation_id, role, caller.subject, request.active)
        return pb.SendTypingResponse()
