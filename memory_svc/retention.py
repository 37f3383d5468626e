"""The retention job: conversations idle for longer than the retention period,
interactions older than it and outbox rows finished before it are deleted by the
service itself, from PostgreSQL and Redis, on a schedule. Replicas take turns
through an advisory lock."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from memory_svc.storage import HotCache, RetentionStore

log = logging.getLogger("memory_svc.retention")


@dataclass(slots=True)
class RetentionRun:
    conversations: int
    interactions: int
    # False when another replica held the job's lock and this run did nothing.
    ran: bool = True
    # Finished outbox rows deleted.
    actions: int = 0


class RetentionJob:
    def __init__(self, store: RetentionStore, cache: HotCache, *, days: float, interval_seconds: float) -> None:
        self.store = store
        self.cache = cache
        self.days = days
        self.interval = interval_seconds
        self._task: asyncio.Task[None] | None = None

    @property
    def enabled(self) -> bool:
        return self.days > 0

    async def run_once(self, now: datetime | None = None) -> RetentionRun:
        if not self.enabled:
            return RetentionRun(0, 0, ran=False)
        cutoff = (now or datetime.now(UTC)) - timedelta(days=self.days)
        result = await self.store.expire(cutoff)
        if result is None:
            return RetentionRun(0, 0, ran=False)
        conversation_ids, interactions, actions = result
        await self.cache.forget(conversation_ids)
        if conversation_ids or interactions or actions:
            log.info(
                "retention applied",
                extra={"conversations": len(conversation_ids), "interactions": interactions, "actions": actions,
                       "cutoff": cutoff.isoformat()},
            )
        return RetentionRun(len(conversation_ids), interactions, actions=actions)

    def start(self) -> None:
        if self.enabled:
            self._task = asyncio.create_task(self._loop(), name="memory-retention")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
            self._task = None

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except Exception:  # a failed run is retried at the next interval
                log.exception("retention run failed")
            await asyncio.sleep(self.interval)
