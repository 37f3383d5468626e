"""WatchOwner: the owner of a conversation pushed to whoever watches it, from a
change made on any replica, read back from PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from memory_helpers import close_service, open_service

from devstack.embedded import EmbeddedRedis
from memory_svc.settings import Settings


async def _next_owner(stream: grpc.aio.UnaryStreamCall, within: float = 5.0) -> types_pb2.ConversationOwner:  # type: ignore[type-arg]
    answer: pb.WatchOwnerResponse = await asyncio.wait_for(stream.read(), within)
    return answer.owner


async def _start(service: object, conversation: str) -> None:
    await service.memory.AppendMessages(pb.AppendMessagesRequest(  # type: ignore[attr-defined]
        conversation_id=conversation, user_id="u-1", agent="support", messages=[pb.NewMessage(role="user", text="Oi")]))


async def test_a_claim_on_another_replica_reaches_the_watcher(settings_for: Callable[..., Settings]) -> None:
    watched, other = await open_service(settings_for()), await open_service(settings_for())
    try:
        await _start(watched, "c-w")
        stream = watched.memory.WatchOwner(pb.WatchOwnerRequest(conversation_id="c-w"))
        first = await _next_owner(stream)
        assert first.kind == types_pb2.OWNER_KIND_AGENT
        await other.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-w", human_id="ana", force=True))
        claimed = await _next_owner(stream)
        assert (claimed.kind, claimed.id) == (types_pb2.OWNER_KIND_HUMAN, "ana") and claimed.since.seconds
        await other.handoffs.ReturnConversation(pb.ReturnConversationRequest(conversation_id="c-w", human_id="ana"))
        back = await _next_owner(stream)
        assert back.kind == types_pb2.OWNER_KIND_AGENT
        stream.cancel()
    finally:
        await close_service(other, drop=False)
        await close_service(watched)


async def test_a_conversation_not_started_yet_is_an_agents(settings_for: Callable[..., Settings]) -> None:
    service = await open_service(settings_for())
    try:
        stream = service.memory.WatchOwner(pb.WatchOwnerRequest(conversation_id="c-new"))
        assert (await _next_owner(stream)).kind == types_pb2.OWNER_KIND_AGENT
        stream.cancel()
        bad = service.memory.WatchOwner(pb.WatchOwnerRequest(conversation_id="bad id"))
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await bad.read()
        assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "conversation_id" in (error.value.details() or "")
    finally:
        await close_service(service)


async def test_without_redis_a_watcher_still_sees_the_claim(
    settings_for: Callable[..., Settings], own_redis: EmbeddedRedis
) -> None:
    """The subscription is lost with Redis: the watcher reads PostgreSQL on its own."""
    redis_url = f"redis://127.0.0.1:{own_redis.port}/0"
    service = await open_service(settings_for(redis_url=redis_url, owner_watch_poll_seconds=0.2))
    try:
        await _start(service, "c-r")
        stream = service.memory.WatchOwner(pb.WatchOwnerRequest(conversation_id="c-r"))
        assert (await _next_owner(stream)).kind == types_pb2.OWNER_KIND_AGENT
        own_redis.stop()
        await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-r", human_id="bia", force=True))
        assert (await _next_owner(stream)).id == "bia"
        stream.cancel()
    finally:
        await close_service(service)
