"""The outbox relay: hands the actions a turn committed to integrations_svc until it
accepts them, and follows each lead sync until the CRM has it.

Every memory_svc replica runs one. All of its state is in PostgreSQL (the
`actions` table), so a relay that restarts, or dies mid-call, loses nothing: a
claimed row is leased, and when the lease ends another pass takes it again.
Sending an action twice is harmless, because integrations_svc queues one job per
idempotency key; so each action reaches its vendor once. No grpc here: the calls go
through the IntegrationsPort."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol

from opentelemetry.trace import SpanKind

from atende_runtime.telemetry import link_to, span
from memory_svc.erasure import STEP_FAILED, STEP_PENDING, ErasureStep
from memory_svc.models import CRM_FAILED, CRM_SYNCED, Lead
from memory_svc.outbox import (
    ACTION_ACCEPTED,
    ACTION_DONE,
    ACTION_ERASE_SUBJECT,
    ACTION_FAILED,
    ACTION_PENDING,
    ACTION_SYNC_LEAD,
    JobState,
    OutboxAction,
)
from memory_svc.storage import OutboxStore, RelayCache

log = logging.getLogger("memory_svc.relay")

Clock = Callable[[], datetime]

JOB_QUEUED = "queued"
JOB_DELIVERED = "delivered"
JOB_DEAD = "dead"
# 2^62 seconds is already past any cap; bounds the power so it never overflows a float.
_MAX_EXPONENT = 62


class Rejected(Exception):
    """integrations_svc refused the request for good (it is invalid, or its key names
    another request): sending it again would be refused again."""


class Unreachable(Exception):
    """The call did not get an answer to act on (down, timed out, overloaded): try again later."""


class JobMissing(Exception):
    """integrations_svc does not know the job (purged, or another database)."""


class IntegrationsPort(Protocol):
    """What the relay needs from integrations_svc."""

    async def submit(self, action: OutboxAction) -> str:
        """Sends the action with its idempotency key; returns the job's id. Raises
        Rejected or Unreachable."""

    async def job(self, job_id: str) -> JobState:
        """The job's delivery state. Raises JobMissing or Unreachable."""

    async def erase_subject(self, action: OutboxAction) -> list[ErasureStep]:
        """Sends an erase_subject row (idempotent by its erasure id); returns
        integrations_svc's steps as they stand. Raises Rejected or Unreachable."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Relay:
    def __init__(
        self,
        store: OutboxStore,
        integrations: IntegrationsPort,
        cache: RelayCache | None,
        *,
        poll_interval_seconds: float,
        batch_size: int,
        backoff_base_seconds: float,
        backoff_max_seconds: float,
        lease_seconds: float,
        clock: Clock = _utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self.integrations = integrations
        self.cache = cache
        self.poll_interval = poll_interval_seconds
        self.batch_size = batch_size
        self.backoff_base = backoff_base_seconds
        self.backoff_max = backoff_max_seconds
        self.lease = timedelta(seconds=lease_seconds)
        # Every due-ness and retry time comes from here (and goes to SQL as a
        # parameter), so a test can move time forward without waiting.
        self.clock = clock
        self._rng = rng or random.Random()
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    # Life cycle

    def start(self) -> None:
        if self._task is None:
            self._stopping.clear()
            self._task = asyncio.create_task(self._run(), name="memory-relay")

    async def stop(self, grace_seconds: float = 5.0) -> None:
        """Lets the pass in progress finish (for at most grace_seconds), then stops.
        A pass cut short only leaves leased rows, which a later pass takes again."""
        if self._task is None:
            return
        self._stopping.set()
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(self._task), timeout=grace_seconds)
        except TimeoutError:
            self._task.cancel()
            try:
                await self._task
            except asyncio.CancelledError:
                pass
        self._task = None

    def wake(self) -> None:
        """An append in this process committed actions: deliver them now, not at the next poll."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping.is_set():
            # Cleared before the pass: a wake during it makes the next pass start at once.
            self._wake.clear()
            try:
                handled = await self.step()
            except Exception:  # PostgreSQL away, say: the loop must outlive it
                log.exception("relay pass failed")
                handled = 0
            if handled >= self.batch_size:
                continue  # more may be due
            try:
                await asyncio.wait_for(self._wake.wait(), timeout=self.poll_interval)
            except TimeoutError:
                pass

    # One pass

    async def step(self) -> int:
        """Claims the rows due now, submits the pending ones and follows the accepted
        lead syncs; returns how many rows it handled."""
        now = self.clock()
        rows = await self.store.claim_actions(now, now + self.lease, self.batch_size)
        if rows:
            await asyncio.gather(*(self._handle(row) for row in rows))
        return len(rows)

    async def _handle(self, row: OutboxAction) -> None:
        try:
            # Each delivery is a trace of its own, linked to the turn that committed the
            # action (that trace ended long ago): its SubmitAction call carries this
            # trace to integrations_svc.
            with span(f"relay {row.kind}", SpanKind.PRODUCER, link_to(row.trace_parent), action=row.kind,
                      status=row.status, conversation_id=row.conversation_id, attempts=row.attempts):
                if row.kind == ACTION_ERASE_SUBJECT:
                    await self._erase(row)
                elif row.status == ACTION_PENDING:
                    await self._submit(row)
                else:
                    await self._follow(row)
        except Exception:  # the lease ends and a later pass tries the row again
            log.exception("relay could not record an outcome", extra=_fields(row))

    def backoff(self, attempts: int) -> float:
        """Seconds before attempt `attempts` + 1: exponential, capped, with jitter
        so that rows failed together do not all come back together."""
        exponent = min(max(attempts - 1, 0), _MAX_EXPONENT)
        cap = min(self.backoff_max, self.backoff_base * 2.0**exponent)
        return cap / 2 + self._rng.random() * cap / 2

    async def _submit(self, row: OutboxAction) -> None:
        try:
            job_id = await self.integrations.submit(row)
        except Rejected as refusal:
            reason = str(refusal) or "refused by integrations_svc"
            _, lead = await self.store.finish_action(
                row, status=ACTION_FAILED, job_id=row.job_id, attempted=True, error=reason,
                crm_status=CRM_FAILED, crm_error=reason,
            )
            log.warning("action refused by integrations_svc", extra={**_fields(row), "error": reason})
            await self._cache_lead(lead)
        except Unreachable as error:
            attempts = row.attempts + 1
            delay = self.backoff(attempts)
            await self.store.update_action(
                row, status=ACTION_PENDING, job_id=row.job_id, attempted=True, error=str(error),
                next_attempt_at=self.clock() + timedelta(seconds=delay),
            )
            log.warning(
                "integrations_svc unreachable; action kept for a retry",
                extra={**_fields(row), "attempts": attempts, "retry_in_seconds": round(delay, 3), "error": str(error)},
            )
        else:
            if row.kind == ACTION_SYNC_LEAD:
                # Accepted into integrations_svc's queue; the lead stays pending until
                # the CRM has it, which the follow-up polls find out.
                await self.store.update_action(
                    row, status=ACTION_ACCEPTED, job_id=job_id, attempted=True, error="",
                    next_attempt_at=self.clock() + timedelta(seconds=self.poll_interval),
                )
            else:
                await self.store.finish_action(
                    row, status=ACTION_DONE, job_id=job_id, attempted=True, error="", crm_status=""
                )
            log.info("action delivered to integrations_svc", extra={**_fields(row), "job_id": job_id})

    async def _follow(self, row: OutboxAction) -> None:
        try:
            job = await self.integrations.job(row.job_id)
        except JobMissing:
            # Sent again under the same key: integrations_svc answers with the job if
            # it still has it, or queues it anew.
            await self.store.update_action(
                row, status=ACTION_PENDING, job_id="", attempted=False, error=f"job {row.job_id} not found",
                next_attempt_at=self.clock(),
            )
            log.warning("accepted job vanished; sending the action again", extra={**_fields(row), "job_id": row.job_id})
            return
        except Unreachable as error:
            await self.store.update_action(
                row, status=ACTION_ACCEPTED, job_id=row.job_id, attempted=False, error=str(error),
                next_attempt_at=self.clock() + timedelta(seconds=max(self.poll_interval, self.backoff_base)),
            )
            return
        lead: Lead | None = None
        if job.status == JOB_DELIVERED:
            _, lead = await self.store.finish_action(
                row, status=ACTION_DONE, job_id=row.job_id, attempted=False, error="",
                crm_status=CRM_SYNCED, crm_id=job.vendor_id,
            )
            log.info("lead synced with the CRM", extra={**_fields(row), "job_id": row.job_id})
        elif job.status == JOB_DEAD:
            reason = job.last_error or "integrations_svc gave the job up"
            _, lead = await self.store.finish_action(
                row, status=ACTION_FAILED, job_id=row.job_id, attempted=False, error=reason,
                crm_status=CRM_FAILED, crm_error=reason,
            )
            log.warning("lead sync given up by integrations_svc", extra={**_fields(row), "job_id": row.job_id,
                                                                         "error": reason})
        else:
            await self.store.update_action(
                row, status=ACTION_ACCEPTED, job_id=row.job_id, attempted=False, error="",
                next_attempt_at=self.clock() + timedelta(seconds=self._follow_up_delay(job)),
            )
        await self._cache_lead(lead)

    def _follow_up_delay(self, job: JobState) -> float:
        """A queued job is looked at again after the poll interval, or, while
        integrations_svc is itself waiting to retry it (a CRM outage), not before
        that retry (at most backoff_max later): many owed leads then cost no stream
        of GetJob calls."""
        if job.next_attempt_time is None:
            return self.poll_interval
        wait = (job.next_attempt_time - self.clock()).total_seconds()
        return min(max(wait, self.poll_interval), max(self.backoff_max, self.poll_interval))

    async def _erase(self, row: OutboxAction) -> None:
        """An erasure's share for Redis (keys left while it was away) and for
        integrations_svc: sent, then sent again (EraseSubject is idempotent) to
        follow the vendor deletions, until every step is done or failed."""
        cache_owed = bool(row.cache_keys)
        if cache_owed and self.cache is not None:
            deleted = await self.cache.delete_keys(row.cache_keys)
            if deleted is not None:
                await self.store.erasure_cache_swept(row.erasure_id, deleted)
                cache_owed = False
        try:
            steps = await self.integrations.erase_subject(row)
        except Rejected as refusal:
            reason = f"refused by integrations_svc: {refusal}"
            await self.store.note_erasure(row.erasure_id, reason, outcome=STEP_FAILED)
            await self.store.finish_action(
                row, status=ACTION_FAILED, job_id="", attempted=True, error=reason, crm_status=""
            )
            log.warning("erasure refused by integrations_svc", extra={**_fields(row), "error": reason})
            return
        except Unreachable as error:
            attempts = row.attempts + 1
            delay = self.backoff(attempts)
            await self.store.note_erasure(
                row.erasure_id, f"integrations_svc unreachable (attempt {attempts}), retrying: {error}"
            )
            await self.store.update_action(
                row, status=row.status, job_id="", attempted=True, error=str(error),
                next_attempt_at=self.clock() + timedelta(seconds=delay),
            )
            return
        await self.store.record_erasure(row.erasure_id, steps)
        owed = [step for step in steps if step.outcome == STEP_PENDING]
        if owed or cache_owed:
            await self.store.update_action(
                row, status=ACTION_ACCEPTED, job_id="", attempted=row.status == ACTION_PENDING, error="",
                next_attempt_at=self.clock() + timedelta(seconds=self._erasure_follow_up(owed, cache_owed)),
            )
        else:
            await self.store.finish_action(
                row, status=ACTION_DONE, job_id="", attempted=row.status == ACTION_PENDING, error="", crm_status=""
            )
            log.info("erasure completed in every store", extra=_fields(row))

    def _erasure_follow_up(self, owed: list[ErasureStep], cache_owed: bool) -> float:
        """Looked at again when integrations_svc next tries a vendor (like a lead
        sync's follow-up), or after the backoff while only Redis is owed."""
        if not owed:
            return max(self.poll_interval, self.backoff_base)
        times = [step.next_attempt_time for step in owed if step.next_attempt_time is not None]
        delay = self._follow_up_delay(JobState(status=JOB_QUEUED, next_attempt_time=min(times) if times else None))
        return min(delay, self.backoff_base) if cache_owed else delay

    async def _cache_lead(self, lead: Lead | None) -> None:
        # Versioned: a newer copy already in Redis is kept.
        if lead is not None and self.cache is not None:
            await self.cache.put_lead(lead.user_id, lead)


def _fields(row: OutboxAction) -> dict[str, object]:
    """What a log line says about an action: ids, never its contents (addresses,
    names and the lead are personal data)."""
    return {
        "action_kind": row.kind,
        "idempotency_key": row.idempotency_key,
        "conversation_id": row.conversation_id,
    }
