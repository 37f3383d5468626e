"""Who owns a conversation, pushed to those who watch it (the WatchOwner RPC).

A change of owner commits in PostgreSQL on one replica; watchers may be connected
to another. After each commit that changes an owner, the replica publishes the
conversation's id on one Redis channel; every replica keeps one subscription and
wakes the watchers it serves, which read the owner again from PostgreSQL (the
truth: a message on the channel only says "look"). While the subscription is
down, watchers look every `fallback_poll_seconds` instead, so a claim is never
missed for long."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager

import redis.asyncio as aioredis
from redis.exceptions import RedisError

log = logging.getLogger("memory_svc.owners")

_CLOSE_SECONDS = 1.0
# How long one read of the subscription waits before looking at the stop flag.
_READ_SECONDS = 0.25



class OwnerChanges:
    def __init__(self, redis_url: str, prefix: str, *, fallback_poll_seconds: float = 1.0) -> None:
        self.client = aioredis.Redis.from_url(redis_url, socket_connect_timeout=1.0, health_check_interval=15)
        self.channel = f"{prefix}owner-changes"
        self.fallback_poll_seconds = fallback_poll_seconds
        self._watchers: dict[str, set[asyncio.Event]] = {}
        self._listening = False
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._listen(), name="memory-owner-changes")

    async def close(self) -> None:
        # The listener stops at its next read timeout: redis-py's pub/sub read can
        # swallow a task's cancellation and wait for ever.
        self._stopping.set()
        if self._task is not None:
            await asyncio.wait({self._task}, timeout=_CLOSE_SECONDS)
            if not self._task.done():
                self._task.cancel()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(self.client.aclose(), _CLOSE_SECONDS)

    async def publish(self, conversation_id: str) -> None:
        """Tells every replica that this conversation's owner changed. A failure is
        logged, not raised: the change is committed, and watchers poll while Redis
        is away."""
        try:
            await self.client.publish(self.channel, conversation_id)
        except (RedisError, OSError) as error:
            log.warning("owner change not published", extra={"conversation_id": conversation_id, "error": str(error)})

    @asynccontextmanager
    async def watch(self, conversation_id: str) -> AsyncIterator[Callable[[], Awaitable[None]]]:
        """Registers a watcher before the caller reads the owner, so a change that
        commits between the read and the first wait still wakes it. Yields a
        function that waits for the next change (or the fallback poll)."""
        event = asyncio.Event()
        self._watchers.setdefault(conversation_id, set()).add(event)

        async def changed() -> None:
            timeout = None if self._listening else self.fallback_poll_seconds
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), timeout)
            event.clear()

        try:
            yield changed
        finally:
            watchers = self._watchers.get(conversation_id)
            if watchers is not None:
                watchers.discard(event)
                if not watchers:
                    del self._watchers[conversation_id]

    def _wake(self, conversation_id: str) -> None:
        for event in self._watchers.get(conversation_id, ()):
            event.set()

    def _wake_all(self) -> None:
        for events in self._watchers.values():
            for event in events:
                event.set()

    async def _listen(self) -> None:
        delay = 0.1
        while not self._stopping.is_set():
            pubsub = self.client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.channel)
                self._listening, delay = True, 0.1
                # Anything published while the subscription was down is unknown: look again.
                self._wake_all()
                while not self._stopping.is_set():
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=_READ_SECONDS)
                    if message is not None and message.get("type") == "message":
                        data = message["data"]
                        self._wake(data.decode() if isinstance(data, bytes) else str(data))
            except asyncio.CancelledError:
                raise
            except (RedisError, OSError) as error:
                if self._listening:
                    log.warning("owner change subscription lost; watchers poll", extra={"error": str(error)})
            finally:
                self._listening = False
                self._wake_all()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(pubsub.aclose(), _CLOSE_SECONDS)  # type: ignore[no-untyped-call]
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), delay)
            delay = min(delay * 2, 5.0)
