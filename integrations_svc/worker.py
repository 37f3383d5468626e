"""Delivery workers: tasks inside each integrations_svc replica that take due jobs
from the outbox and hand them to their adapters.

One attempt:
1. claim: the oldest due job of a route whose vendor breaker lets calls through is
   leased (SELECT ... FOR UPDATE SKIP LOCKED) and the attempt is written, in one
   transaction;
2. a job with a serial key (one lead in one CRM, one calendar) also takes that key's
   lock, so two jobs about one person never search-then-create side by side;
3. an adapter that is not resend_safe (SendGrid) is never called again when an
   earlier attempt was interrupted after its request may have left: the job goes
   dead with the reason, for an operator to check and RetryJob;
   Before calling such an adapter the claim is made durable (the workers' other
   writes commit asynchronously: repeating a resend_safe call is harmless);
4. the adapter call runs under delivery_timeout_seconds (shorter than the lease);
5. the outcome is written, fenced by the lease token: delivered with the vendor's
   id, queued again after an exponential backoff with jitter (the vendor's
   Retry-After is a floor), or dead after the configured attempts.
"""

from __future__ import annotations

import asyncio
import logging
import os
import random
import socket
import time
from collections.abc import Collection

from opentelemetry.trace import SpanKind

from atende_runtime.telemetry import span
from integrations_svc.adapters import Adapters
from integrations_svc.adapters.base import DeliveryError, InDoubtError, PermanentError, RetryableError
from integrations_svc.adapters.http import redact
from integrations_svc.domain import DeliveryContext, Operation, decode_operation
from integrations_svc.metrics import DELIVERIES, DELIVERY_SECONDS
from integrations_svc.resilience import Breaker, Breakers, backoff_delay
from integrations_svc.settings import Settings
from integrations_svc.store import Claim, JobStore

log = logging.getLogger("integrations.worker")

ERROR_LIMIT = 1000
IN_DOUBT = (
    "delivery in doubt: an earlier attempt was interrupted after its request may have reached {vendor},"
    " which offers no idempotent call; check the vendor, then RetryJob to deliver again"
)


class Workers:
    def __init__(
        self,
        store: JobStore,
        adapters: Adapters,
        settings: Settings,
        *,
        secrets: Collection[str] = (),
        breakers: Breakers | None = None,
    ) -> None:
        self.store = store
        self.adapters = adapters
        self.settings = settings
        self.secrets = list(secrets)
        self.breakers = breakers or Breakers(settings.breaker_failure_threshold, settings.breaker_reset_seconds)
        self.name = f"{socket.gethostname()}:{os.getpid()}:{random.getrandbits(24):06x}"
        self._wake = asyncio.Event()
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    # --- lifecycle ---

    def start(self) -> None:
        for index in range(self.settings.worker_concurrency):
            self._tasks.append(asyncio.create_task(self._loop(f"{self.name}/{index}"), name=f"integrations-worker-{index}"))
        if self.settings.worker_concurrency and self.settings.retention_days > 0:
            self._tasks.append(asyncio.create_task(self._janitor(), name="integrations-janitor"))

    def wake(self) -> None:
        """A job was just accepted here: idle workers look now instead of at the next poll."""
        self._wake.set()

    async def stop(self, grace: float) -> None:
        """Lets deliveries in flight finish for up to `grace` seconds, then cancels them
        (a cancelled attempt is picked up again when its lease expires)."""
        self._stopping.set()
        self._wake.set()
        if not self._tasks:
            return
        _, pending = await asyncio.wait(self._tasks, timeout=grace)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        self._tasks.clear()

    async def _loop(self, worker: str) -> None:
        errors = 0
        while not self._stopping.is_set():
            try:
                worked = await self.step(worker)
                errors = 0
            except asyncio.CancelledError:
                raise
            except Exception:
                errors += 1
                log.exception("worker step failed", extra={"worker": worker})
                await self._idle(min(5.0, self.settings.worker_poll_interval_seconds * 2**errors))
                continue
            if not worked:
                await self._idle(self.settings.worker_poll_interval_seconds)

    async def _janitor(self) -> None:
        """Purges delivered jobs past the retention, a batch at a time (every replica
        runs one; their deletes do not conflict)."""
        age = self.settings.retention_days * 86400
        while not self._stopping.is_set():
            try:
                while await self.store.purge_delivered(age, 1000) == 1000 and not self._stopping.is_set():
                    pass
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("purge failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), timeout=self.settings.janitor_interval_seconds)
            except TimeoutError:
                pass

    async def _idle(self, seconds: float) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), timeout=seconds)
        except TimeoutError:
            return
        self._wake.clear()

    # --- one attempt ---

    async def step(self, worker: str) -> bool:
        """Delivers at most one job; False when none was due."""
        routes = [r for r in self.adapters.routes() if self.breakers.available(r.split(":", 1)[1])]
        claim = await self.store.claim(worker, routes, self.settings.lease_seconds)
        if claim is None:
            return False
        job = claim.job
        adapter = self.adapters.get(job.kind, job.adapter)
        if adapter is None:  # the configuration changed between the routes and the claim
            await self.store.release(claim, self.settings.worker_poll_interval_seconds)
            return True
        breaker = self.breakers.for_adapter(job.adapter)
        if not breaker.begin():
            await self.store.release(claim, 0.0)
            return True
        if await self._may_call(claim, adapter.resend_safe, breaker):
            # A job's delivery is a trace of its own (the turn that released it has ended).
            with span(f"deliver {job.kind}", SpanKind.CONSUMER, job_id=job.job_id, action=job.kind, adapter=job.adapter,
                      attempt=claim.attempt):
                await self._deliver(claim, adapter.resend_safe, breaker)
        return True

    async def _may_call(self, claim: Claim, resend_safe: bool, breaker: Breaker) -> bool:
        """Takes the job's serial lock and, before an adapter that must not send twice,
        makes the claim durable. False when the call must not happen: the job was given
        back, went dead in doubt, or its lease was lost."""
        if claim.serial_key is not None and not await self.store.acquire_serial(claim, self.settings.lease_seconds):
            breaker.cancelled()
            await self.store.release(claim, random.uniform(0.05, 0.25))
            return False
        if resend_safe:
            return True
        if claim.in_doubt:
            breaker.cancelled()
            await self._dead(claim, IN_DOUBT.format(vendor=claim.job.adapter), durable=True)
            return False
        if not await self.store.confirm_attempt(claim):
            breaker.cancelled()
            return False
        return True

    async def _deliver(self, claim: Claim, resend_safe: bool, breaker: Breaker) -> None:
        job = claim.job
        try:
            operation = decode_operation(job.kind, job.payload)
        except (TypeError, ValueError, KeyError) as bad_payload:
            await self._dead(claim, f"cannot read the job's payload: {type(bad_payload).__name__}", durable=True)
            return
        started = time.perf_counter()
        outcome = await self._call(claim, operation)
        DELIVERY_SECONDS.labels(job.kind, job.adapter).observe(time.perf_counter() - started)
        if isinstance(outcome, DeliveryError):
            await self._failed(claim, outcome, resend_safe, breaker)
            return
        DELIVERIES.labels(job.kind, job.adapter, "delivered").inc()
        breaker.success()
        owned = await self.store.succeed(claim, outcome, durable=not resend_safe)
        log.info(
            "delivered" if owned else "delivered, but the lease had passed to another worker",
            extra=self._fields(claim),
        )

    async def _call(self, claim: Claim, operation: Operation) -> str | DeliveryError:
        """The adapter's call under the delivery timeout: the vendor's id, or what went wrong."""
        job = claim.job
        ctx = DeliveryContext(job_id=job.job_id, idempotency_key=job.idempotency_key, attempt=claim.attempt)
        timeout = self.settings.delivery_timeout_seconds
        try:
            async with asyncio.timeout(timeout):
                return await self.adapters.deliver(job.kind, job.adapter, operation, ctx)
        except TimeoutError:
            return InDoubtError(f"{job.adapter}: no outcome within {timeout:g} s")
        except DeliveryError as delivery_error:
            return delivery_error
        except Exception as unexpected:
            # An answer the adapter could not read, or a bug: the vendor may have
            # acted, so it is in doubt (retried only where repeating is harmless).
            log.exception("adapter raised", extra={"job_id": job.job_id, "adapter": job.adapter})
            return InDoubtError(f"{job.adapter}: unexpected {type(unexpected).__name__}: {unexpected}")

    async def _failed(self, claim: Claim, error: DeliveryError, resend_safe: bool, breaker: Breaker) -> None:
        """Dead for good (a permanent error, or in doubt where resending is not safe), or
        queued again after the backoff."""
        message = redact(str(error), self.secrets)[:ERROR_LIMIT]
        if isinstance(error, PermanentError):
            breaker.success()  # the vendor answered: it is up
            await self._dead(claim, message, durable=not resend_safe)
            return
        assert isinstance(error, RetryableError)
        if error.rate_limited:
            breaker.rate_limited(error.retry_after)
        else:
            breaker.failure()
        if isinstance(error, InDoubtError) and not resend_safe:
            await self._dead(claim, IN_DOUBT.format(vendor=claim.job.adapter) + f" ({message})", durable=True)
            return
        delay = backoff_delay(
            claim.attempt,
            self.settings.backoff_base_seconds,
            self.settings.backoff_max_seconds,
            error.retry_after,
        )
        updated = await self.store.fail(
            claim, message, retry_in=delay, max_attempts=self.settings.max_attempts, durable=not resend_safe
        )
        status = updated.status.value if updated is not None else "lease lost"
        DELIVERIES.labels(claim.job.kind, claim.job.adapter, "dead" if status == "dead" else "retry").inc()
        log.warning(
            "delivery failed",
            extra=self._fields(claim) | {"error": message, "status": status, "retry_in": round(delay, 3)},
        )

    async def _dead(self, claim: Claim, message: str, *, durable: bool) -> None:
        DELIVERIES.labels(claim.job.kind, claim.job.adapter, "dead").inc()
        await self.store.fail(
            claim, message, retry_in=None, max_attempts=self.settings.max_attempts, durable=durable
        )
        log.error("job dead", extra=self._fields(claim) | {"error": message})

    @staticmethod
    def _fields(claim: Claim) -> dict[str, object]:
        job = claim.job
        return {"job_id": job.job_id, "kind": job.kind, "adapter": job.adapter, "attempt": claim.attempt}
