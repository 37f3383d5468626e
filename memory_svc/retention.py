"""The retention job: conversations idle for longer than the retention period,
interactions older than it and outbox rows finished before it are deleted by the
service itself, from PostgreSQL and Redis, on a schedule; so are audit events older
than the audit retention period. Replicas take turns through advisory locks."""

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
    # False when another replica held the job's lock and this run did nothing (or
    # conversations are kept for ever).
    ran: bool = True
    # Finished outbox rows deleted.
    actions: int = 0
    # Audit events deleted (0 too when another replica held the audit part's lock).
    audit_events: int = 0


class RetentionJob:
    def __init__(
        self, store: RetentionStore, cache: HotCache, *, days: float, interval_seconds: float, audit_days: float = 0
    ) -> None:
        self.store = store
        self.cache = cache
        self.days = days
        self.audit_days = audit_days
        self.interval = interval_seconds
        self._task: asyncio.Task[None] | None = None

    @property
    def enabled(self) -> bool:
        return self.days > 0 or self.audit_days > 0

    async def run_once(self, now: datetime | None = None) -> RetentionRun:
        now = now or datetime.now(UTC)
        run = await self._expire(now - timedelta(days=self.days)) if self.days > 0 else RetentionRun(0, 0, ran=False)
        if self.audit_days > 0:
            cutoff = now - timedelta(days=self.audit_days)
            deleted = await self.store.expire_audit(cutoff)
            run.audit_events = deleted or 0
            if deleted:
                log.info("audit retention applied", extra={"audit_events": deleted, "cutoff": cutoff.isoformat()})
        return run

    async def _expire(self, cutoff: datetime) -> RetentionRun:
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
