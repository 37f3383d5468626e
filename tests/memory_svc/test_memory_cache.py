"""The Redis hot tier: written after every commit, rebuilt on any miss, optional when down."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from grpc_health.v1 import health_pb2, health_pb2_grpc
from memory_helpers import Service, close_service, open_service, turn

from atende_runtime.errors import Unavailable
from devstack.embedded import EmbeddedRedis
from memory_svc.app import CACHE_HEALTH_NAME
from memory_svc.models import AppendRequest, NewMessage
from memory_svc.settings import Settings


async def _texts(service: Service, conversation_id: str, last: int = 100) -> list[str]:
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id=conversation_id, max_messages=last))
    return [m.text for m in context.messages]


async def _wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.05)


async def test_write_path_caches_with_ttl(service: Service) -> None:
    await service.memory.AppendMessages(turn("hot", [("user", "oi"), ("assistant", "olá")]))
    await service.leads.UpsertLead(pb.UpsertLeadRequest(lead=types_pb2.Lead(user_id="u1", name="Ana")))
    prefix = service.settings.redis_prefix.encode()
    keys = await service.keys()
    assert keys == sorted([prefix + b"c2:hot:l", prefix + b"c2:hot:m", prefix + b"lead:u1"])
    for key in keys:
        ttl = await service.redis.ttl(key)
        assert 0 < ttl <= 1800
    assert await service.redis.llen(prefix + b"c2:hot:l") == 2
    # The window holds at most redis_window_messages; older ones live in PostgreSQL only.
    for i in range(60):
        await service.memory.AppendMessages(turn("hot", [("user", f"q{i}"), ("assistant", f"a{i}")]))
    assert await service.redis.llen(prefix + b"c2:hot:l") == service.settings.redis_window_messages
    conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="hot"))
    assert len(conversation.conversation.messages) == 122


async def test_a_turns_lead_reaches_redis_with_its_messages(service: Service) -> None:
    """The append's one script call stores the lead the turn wrote, and an older
    version never replaces a newer one."""
    request = turn("lead-hot", [("user", "sou a Ana"), ("assistant", "Oi, Ana!")])
    request.lead.CopyFrom(types_pb2.Lead(name="Ana", score=40))
    stored = await service.memory.AppendMessages(request)
    key = service.settings.redis_prefix.encode() + b"lead:u1"
    version, _, body = (await service.redis.get(key)).partition(b"|")
    assert int(version) > 0 and b"Ana" in body and stored.lead.score == 40
    # The context reads it from Redis with the messages.
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="lead-hot"))
    assert context.lead.name == "Ana" and context.lead.score == 40
    # A newer version cached meanwhile (another replica's write) is kept.
    await service.redis.set(key, b"999999999999|" + body)
    request = turn("lead-hot", [("user", "minha empresa é a Sol"), ("assistant", "Anotado.")])
    request.lead.CopyFrom(types_pb2.Lead(company="Sol"))
    await service.memory.AppendMessages(request)
    assert (await service.redis.get(key)).startswith(b"999999999999|")


async def test_entries_of_the_earlier_list_format_are_ignored_and_erased(service: Service) -> None:
    """A rolling deploy: a replica of the previous version cached this conversation under
    its own keys ("c:", varint-length frames), here with messages PostgreSQL does not
    have. This version neither reads them nor trips on them, and erasing the person
    removes them too."""
    await service.memory.AppendMessages(turn("fmt", [("user", "1"), ("assistant", "2")]))
    prefix = service.settings.redis_prefix
    info = await service.redis.hget(prefix + "c2:fmt:m", "j")
    assert info is not None
    await service.redis.unlink(prefix + "c2:fmt:m", prefix + "c2:fmt:l")
    stale = [types_pb2.Message(conversation_id="fmt", role="user", text=f"stale {i}").SerializeToString() for i in (1, 2)]
    await service.redis.hset(prefix + "c:fmt:m", mapping={"n": 2, "hw": 2, "j": info, "u": "u1"})
    await service.redis.rpush(prefix + "c:fmt:l", *[bytes([len(body)]) + body for body in stale])

    assert await _texts(service, "fmt") == ["1", "2"]
    # Rebuilt from PostgreSQL under this version's keys, then read from there.
    assert await service.redis.llen(prefix + "c2:fmt:l") == 2
    assert await _texts(service, "fmt") == ["1", "2"]

    await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="u1"))
    assert not await service.redis.exists(prefix + "c:fmt:m", prefix + "c:fmt:l", prefix + "c2:fmt:m")


async def test_redis_flushed_mid_conversation(settings_for: Callable[..., Settings], own_redis: EmbeddedRedis) -> None:
    service = await open_service(settings_for(redis_url=f"redis://127.0.0.1:{own_redis.port}/0"))
    try:
        await service.memory.AppendMessages(turn("f", [("user", "1"), ("assistant", "2")]))
        assert await _texts(service, "f") == ["1", "2"]
        await service.redis.flushall()
        # A miss rebuilds from PostgreSQL, then the next append extends the rebuilt entry.
        assert await _texts(service, "f") == ["1", "2"]
        await service.memory.AppendMessages(turn("f", [("user", "3"), ("assistant", "4")]))
        assert await _texts(service, "f") == ["1", "2", "3", "4"]
        assert await service.redis.llen(service.settings.redis_prefix + "c2:f:l") == 4

        # Flushed between two appends: the append finds nothing to extend and leaves
        # the entry for the next read to rebuild, instead of caching a partial list.
        await service.redis.flushall()
        await service.memory.AppendMessages(turn("f", [("user", "5")]))
        assert await _texts(service, "f") == ["1", "2", "3", "4", "5"]
        assert await _texts(service, "f", 2) == ["4", "5"]

        # Only the list evicted (maxmemory), the hash kept: detected, rebuilt.
        await service.redis.delete(service.settings.redis_prefix + "c2:f:l")
        assert await _texts(service, "f") == ["1", "2", "3", "4", "5"]
        conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="f"))
        assert [m.text for m in conversation.conversation.messages] == ["1", "2", "3", "4", "5"]
        assert not service.app.degraded
    finally:
        await close_service(service)


async def test_a_missed_cache_write_is_never_served(service: Service) -> None:
    """An append committed without reaching Redis (a crash between the two) leaves
    Redis behind PostgreSQL; the next append notices the gap and drops the entry."""
    await service.memory.AppendMessages(turn("gap", [("user", "1")]))
    assert await _texts(service, "gap") == ["1"]
    assert service.app.store is not None
    await service.app.store.append(AppendRequest("gap", "u1", "web", [NewMessage("user", "2")]))
    await service.memory.AppendMessages(turn("gap", [("user", "3")]))
    assert await _texts(service, "gap") == ["1", "2", "3"]


async def test_redis_stopped_and_restarted(settings_for: Callable[..., Settings], own_redis: EmbeddedRedis) -> None:
    service = await open_service(settings_for(redis_url=f"redis://127.0.0.1:{own_redis.port}/0"))
    health = health_pb2_grpc.HealthStub(service.channel)
    name = "atende.memory.v1.MemoryService"
    try:
        await service.memory.AppendMessages(turn("r", [("user", "1"), ("assistant", "2")]))
        await service.memory.AppendMessages(turn("idle", [("user", "a")]))
        assert await _texts(service, "r") == ["1", "2"]
        assert await _texts(service, "idle") == ["a"]
        assert not service.app.degraded

        # A snapshot, as a Redis with persistence has: the restarted server loads it,
        # older than the writes made while it was away.
        await service.redis.save()
        own_redis.stop()
        started = time.monotonic()
        stored = await service.memory.AppendMessages(turn("r", [("user", "3"), ("assistant", "4")]))
        assert [m.text for m in stored.messages] == ["3", "4"]
        assert service.app.degraded
        assert await _texts(service, "r") == ["1", "2", "3", "4"]
        await service.memory.AppendMessages(turn("new", [("user", "x")]))
        assert await _texts(service, "new") == ["x"]
        replay = await service.memory.AppendMessages(turn("r", [("user", "3")], client_message_id="k"))
        again = await service.memory.AppendMessages(turn("r", [("user", "3")], client_message_id="k"))
        assert not replay.replayed and again.replayed
        lead = await service.leads.UpsertLead(pb.UpsertLeadRequest(lead=types_pb2.Lead(user_id="u1", score=10)))
        assert lead.created
        # Down means fast: no call waits on the dead server.
        assert time.monotonic() - started < 2.0

        await asyncio.sleep(0.5)  # let the health loop look
        status = await health.Check(health_pb2.HealthCheckRequest(service=name))
        assert status.status == health_pb2.HealthCheckResponse.SERVING
        # Degraded, and health says so under the cache's own name.
        cache = await health.Check(health_pb2.HealthCheckRequest(service=CACHE_HEALTH_NAME))
        assert cache.status == health_pb2.HealthCheckResponse.NOT_SERVING

        own_redis.start()  # same port, with the data saved before the stop
        await _wait_until(lambda: not service.app.degraded)
        deadline = time.monotonic() + 5
        while (await health.Check(health_pb2.HealthCheckRequest(service=CACHE_HEALTH_NAME))).status != (
            health_pb2.HealthCheckResponse.SERVING
        ):
            assert time.monotonic() < deadline, "the cache's health name did not come back to SERVING"
            await asyncio.sleep(0.05)
        # What the restarted Redis brought back predates the writes made meanwhile;
        # none of it may be served.
        assert await _texts(service, "r") == ["1", "2", "3", "4", "3"]
        assert await _texts(service, "idle") == ["a"]
        assert not service.app.degraded  # no stale pooled socket made it fall back again
        context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="r"))
        assert context.lead.score == 10
        await service.memory.AppendMessages(turn("r", [("assistant", "5")]))
        assert await _texts(service, "r") == ["1", "2", "3", "4", "3", "5"]
        # And the cache is in use again.
        assert await service.redis.exists(service.settings.redis_prefix + "c2:r:m")
    finally:
        await close_service(service)


async def test_redis_too_slow(settings_for: Callable[..., Settings], own_redis: EmbeddedRedis) -> None:
    """A Redis that stops answering in time (same server, no restart): calls give up
    after the short timeout, and what may have gone stale meanwhile is dropped."""
    service = await open_service(
        settings_for(redis_url=f"redis://127.0.0.1:{own_redis.port}/0", redis_timeout_seconds=0.25)
    )
    try:
        await service.memory.AppendMessages(turn("p", [("user", "1")]))
        assert await _texts(service, "p") == ["1"]
        await service.redis.execute_command("CLIENT", "PAUSE", "1500", "ALL")
        started = time.monotonic()
        await service.memory.AppendMessages(turn("p", [("user", "2")]))
        assert await _texts(service, "p") == ["1", "2"]
        assert service.app.degraded
        assert time.monotonic() - started < 2.0
        await _wait_until(lambda: not service.app.degraded)
        assert await _texts(service, "p") == ["1", "2"]
        await service.memory.AppendMessages(turn("p", [("user", "3")]))
        assert await _texts(service, "p") == ["1", "2", "3"]
        assert await service.redis.llen(service.settings.redis_prefix + "c2:p:l") == 3
    finally:
        await close_service(service)


async def test_redis_down_at_start(settings_for: Callable[..., Settings], own_redis: EmbeddedRedis) -> None:
    own_redis.stop()
    service = await open_service(settings_for(redis_url=f"redis://127.0.0.1:{own_redis.port}/0"))
    try:
        assert service.app.degraded
        await service.memory.AppendMessages(turn("s", [("user", "1")]))
        assert await _texts(service, "s") == ["1"]
        own_redis.start()
        await _wait_until(lambda: not service.app.degraded)
        await service.memory.AppendMessages(turn("s", [("user", "2")]))
        assert await _texts(service, "s") == ["1", "2"]
    finally:
        await close_service(service)


@pytest.mark.parametrize("window", [3])
async def test_context_longer_than_the_window(settings_for: Callable[..., Settings], window: int) -> None:
    service = await open_service(settings_for(redis_window_messages=window))
    try:
        for i in range(5):
            await service.memory.AppendMessages(turn("w", [("user", f"m{i}")]))
        assert await _texts(service, "w", 2) == ["m3", "m4"]
        assert await _texts(service, "w", 5) == ["m0", "m1", "m2", "m3", "m4"]
        conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="w"))
        assert len(conversation.conversation.messages) == 5
    finally:
        await close_service(service)


class _CallerLeavesAfterCommit:
    """The store, but each append waits after its commit until the test has cancelled
    the caller: what happens when a client's deadline or disconnect cancels the RPC
    while PostgreSQL commits (psycopg cancels the statement, too late to undo it)."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.committed = asyncio.Event()
        self.go_on = asyncio.Event()

    async def append(self, request: AppendRequest) -> Any:
        result = await self.store.append(request)
        self.committed.set()
        await self.go_on.wait()
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


async def test_a_turn_committed_as_its_caller_gives_up_still_reaches_redis(service: Service) -> None:
    """Found by the chaos suite (Envoy killed mid-turn): the turn was committed, the
    cancelled RPC never wrote it to Redis, and Redis still held a window that looked
    complete, so the next turn was answered from a context without it. The write now
    runs to its end, Redis included, whoever stops waiting for it."""
    await service.memory.AppendMessages(turn("left", [("user", "1"), ("assistant", "a1")]))
    assert await _texts(service, "left") == ["1", "a1"]
    memory = service.app.memory
    assert memory is not None
    slow = _CallerLeavesAfterCommit(memory.store)
    memory.store = slow
    try:
        caller = asyncio.create_task(memory.append(AppendRequest("left", "u1", "web", [NewMessage("user", "2")])))
        await slow.committed.wait()
        caller.cancel()
        await asyncio.sleep(0)
        slow.go_on.set()
        with pytest.raises(asyncio.CancelledError):
            await caller
    finally:
        memory.store = slow.store
    deadline = time.monotonic() + 5
    while (texts := await _texts(service, "left")) != ["1", "a1", "2"]:
        assert time.monotonic() < deadline, texts
        await asyncio.sleep(0.05)


class _CommitsThenLosesTheConnection:
    """The store, but an append commits and then fails as when PostgreSQL crashes before
    its answer arrives: the caller cannot tell the turn was stored."""

    def __init__(self, store: Any) -> None:
        self.store = store

    async def append(self, request: AppendRequest) -> Any:
        await self.store.append(request)
        raise Unavailable("PostgreSQL is unavailable; try again")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)


async def test_a_turn_whose_commit_outcome_is_unknown_is_not_hidden_by_redis(service: Service) -> None:
    """Found by the chaos suite (PostgreSQL crash-stopped mid-turn): the turn committed,
    memory_svc answered UNAVAILABLE, and Redis kept a window that looked complete
    without it; the client's retry was a replay, and its next turn was answered from
    that stale context. The cached window is now dropped when an append fails so."""
    await service.memory.AppendMessages(turn("unknown", [("user", "1"), ("assistant", "a1")]))
    assert await _texts(service, "unknown") == ["1", "a1"]
    memory = service.app.memory
    assert memory is not None
    memory.store = _CommitsThenLosesTheConnection(memory.store)
    try:
        with pytest.raises(grpc.aio.AioRpcError) as failed:
            await service.memory.AppendMessages(turn("unknown", [("user", "2"), ("assistant", "a2")]))
        assert failed.value.code() == grpc.StatusCode.UNAVAILABLE
    finally:
        memory.store = memory.store.store
    assert await _texts(service, "unknown") == ["1", "a1", "2", "a2"]


async def test_a_writer_killed_between_its_commit_and_its_cache_write_leaves_no_stale_window(service: Service) -> None:
    """Found by the chaos suite (memory_svc SIGKILLed mid-turn): the turn committed to
    PostgreSQL, the process died before its Redis write, and the window Redis kept
    looked complete without the turn. A write marks the conversation pending before it
    commits; a read that finds the mark goes to PostgreSQL, and rebuilds the window."""
    await service.memory.AppendMessages(turn("killed", [("user", "1"), ("assistant", "a1")]))
    assert await _texts(service, "killed") == ["1", "a1"]
    memory = service.app.memory
    assert memory is not None
    cache_append = memory._cache_append

    async def dies_before_redis(*args: Any, **kwargs: Any) -> None:
        return None  # the process is gone: no cache write, no lifted mark

    memory._cache_append = dies_before_redis  # type: ignore[method-assign]
    try:
        await service.memory.AppendMessages(turn("killed", [("user", "2"), ("assistant", "a2")]))
    finally:
        memory._cache_append = cache_append  # type: ignore[method-assign]
    prefix = service.settings.redis_prefix.encode()
    assert await service.redis.exists(prefix + b"c2:killed:p")
    assert await _texts(service, "killed") == ["1", "a1", "2", "a2"]
    conversation = await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="killed"))
    assert [m.text for m in conversation.conversation.messages] == ["1", "a1", "2", "a2"]
    # The next writer's cache write lands on a window rebuilt from PostgreSQL.
    await service.memory.AppendMessages(turn("killed", [("user", "3"), ("assistant", "a3")]))
    assert await _texts(service, "killed") == ["1", "a1", "2", "a2", "3", "a3"]


async def test_a_replay_lifts_its_pending_mark(service: Service) -> None:
    request = turn("replayed", [("user", "1"), ("assistant", "a1")], client_message_id="m-1")
    await service.memory.AppendMessages(request)
    await service.memory.AppendMessages(request)  # the same turn again: stored once, nothing new
    assert await _texts(service, "replayed") == ["1", "a1"]
    assert not await service.redis.exists(service.settings.redis_prefix.encode() + b"c2:replayed:p")
