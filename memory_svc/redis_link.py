"""A Redis connection that may be away. While Redis does not answer, calls are skipped
(the caller falls back to PostgreSQL) and the keys a skipped or failed write would
have changed are remembered; a probe notices when Redis is back (or restarted, with
data that may predate writes made meanwhile) and deletes those keys before the
connection is used again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable
from typing import TypeVar

import redis.asyncio as aioredis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

log = logging.getLogger("memory_svc.cache")
T = TypeVar("T")

_REDIS_ERRORS = (RedisError, OSError, asyncio.TimeoutError)


class RedisLink:
    def __init__(self, url: str, prefix: str, *, timeout_seconds: float, probe_interval_seconds: float) -> None:
        # Every key under the prefix belongs to this link: purged after a restart.
        self.prefix = prefix
        self.probe_interval = probe_interval_seconds
        self.client = aioredis.Redis.from_url(
            url,
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            # No retries: a slow or absent Redis must cost one timeout, then PostgreSQL.
            retry=Retry(NoBackoff(), 0),
            retry_on_timeout=False,
            max_connections=256,
            health_check_interval=0,
        )
        self._up = False
        self._run_id: str | None = None
        # Keys that may hold stale data because a write to them failed; deleted before
        # the cache is used again. Past the limit the whole prefix is purged instead.
        self._dirty: set[str] = set()
        self._dirty_limit = 10_000
        self._purge_all = False
        self._probe_task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()

    @property
    def degraded(self) -> bool:
        """True while Redis is not used: every read and write goes to PostgreSQL."""
        return not self._up

    async def start(self) -> None:
        await self._probe()
        if not self._up:
            log.warning("redis unavailable at start; serving from PostgreSQL until it answers")
        self._probe_task = asyncio.create_task(self._probe_loop(), name="memory-redis-probe")

    async def close(self) -> None:
        self._stopping.set()
        if self._probe_task is not None:
            self._probe_task.cancel()
            try:
                await self._probe_task
            except asyncio.CancelledError:
                pass
        await self.client.aclose()

    async def guard(self, call: Callable[[], Awaitable[T]], dirty: Iterable[str] = ()) -> T | None:
        """Runs a Redis call; None (and, for a write, its keys marked dirty) when
        Redis is down or fails. A write while down is skipped, but the keys it would
        have changed may hold older data, so they are marked too."""
        if not self._up:
            self._mark_dirty(dirty)
            return None
        try:
            return await call()
        except _REDIS_ERRORS as error:
            self._fail(error, dirty)
            return None

    def _fail(self, error: BaseException, dirty: Iterable[str] = ()) -> None:
        self._mark_dirty(dirty)
        if self._up:
            self._up = False
            log.warning(
                "redis unavailable; degraded: serving from PostgreSQL",
                extra={"error": f"{type(error).__name__}: {error}", "degraded": True},
            )

    def _mark_dirty(self, keys: Iterable[str]) -> None:
        if self._purge_all:
            return
        self._dirty.update(keys)
        if len(self._dirty) > self._dirty_limit:
            self._dirty.clear()
            self._purge_all = True

    async def _probe_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.probe_interval)
                return
            except TimeoutError:
                pass
            try:
                await self._probe()
            except Exception:  # the loop must outlive any surprise
                log.exception("redis probe failed")

    async def _probe(self) -> None:
        """Watches Redis: notices a restart (whose data may predate writes made while
        it was away) and brings the cache back once stale keys are gone."""
        try:
            info = await self.client.info("server")
            run_id = str(info.get("run_id", ""))
            restarted = self._run_id is not None and run_id != self._run_id
            if self._up and not restarted:
                return
            if restarted:
                self._up = False
                self._purge_all = True
                log.warning("redis restarted; purging the cache before using it again", extra={"degraded": True})
            await self._clean()
            if self._purge_all:
                return
            self._run_id = run_id
            if not self._up:
                # Pooled sockets may predate the outage (or the restart): drop them
                # rather than fail the first calls on them and fall back again.
                await self.client.connection_pool.disconnect()
                self._up = True
                log.info("redis available; cache in use", extra={"degraded": False})
        except _REDIS_ERRORS as error:
            if self._up:
                self._fail(error)

    async def _clean(self) -> None:
        """Deletes what may be stale: the whole prefix, or the dirty keys."""
        if self._purge_all:
            await self._purge_prefix()
            self._purge_all = False
            self._dirty.clear()
        # Writes that fail meanwhile keep adding keys; the loop ends with none left,
        # and nothing runs between the last check and the switch back.
        while self._dirty:
            batch = list(self._dirty)
            self._dirty.clear()
            try:
                await self.client.unlink(*batch)
            except _REDIS_ERRORS:
                self._dirty.update(batch)
                raise

    async def _purge_prefix(self) -> None:
        pattern = _glob_escape(self.prefix) + "*"
        batch: list[bytes] = []
        async for key in self.client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 1000:
                await self.client.unlink(*batch)
                batch.clear()
        if batch:
            await self.client.unlink(*batch)


def _glob_escape(text: str) -> str:
    return "".join("\\" + c if c in "*?[]\\" else c for c in text)
