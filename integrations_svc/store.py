"""The storage interfaces the service and the workers use. PostgreSQL implements them
(pg_store.py); nothing above this line knows SQL."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from integrations_svc.domain import (
    EmailData,
    ErasureStep,
    EventData,
    Job,
    JobStatus,
    LeadData,
    MeetingData,
    NewJob,
    SubjectKeys,
    SubjectRecord,
)


class KeyReused(Exception):
    """The idempotency key already names a different operation."""


class NotRetryable(Exception):
    """RetryJob on a job that was delivered, or whose data an erasure removed."""


class SlotBusy(Exception):
    """The calendar already has something at that time."""


@dataclass(frozen=True)
class Cursor:
    """Position in the newest-first job listing."""

    create_time: datetime
    job_id: str


@dataclass(frozen=True)
class Claim:
    """A job leased to one worker for one attempt. Every write about the attempt is
    fenced by lease_token: a worker whose lease expired cannot overwrite the outcome
    of the worker that took the job over."""

    job: Job
    lease_token: str
    attempt: int
    # An earlier attempt started and never finished (its worker died mid-call): the
    # vendor may or may not have acted on it.
    in_doubt: bool
    # The job's serial key (see acquire_serial), if it has one.
    serial_key: str | None = None


@dataclass(frozen=True)
class Sweep:
    """What an erasure found and erased at once, in its transaction."""

    # Jobs about the person whose payload was removed, and how many of them were
    # still owed (cancelled).
    jobs: int
    cancelled: int
    # Rows deleted from each local adapter table.
    local_rows: dict[str, int]
    # The person's identifiers: those asked for, with those the jobs held.
    keys: SubjectKeys
    # The adapters that received the person's data, by job kind ("sync_lead": CRM
    # vendors, "track_event": analytics vendors).
    vendors: dict[str, set[str]] = field(default_factory=dict)


# Given what the sweep found, the erasure's steps, each with the vendor job that
# carries it (None: nothing to queue).
ErasurePlan = Callable[[Sweep], list[tuple[ErasureStep, NewJob | None]]]


class SubjectStore(Protocol):
    """LGPD: everything about one person."""

    async def erase_subject(
        self, erasure_id: str, keys: SubjectKeys, plan: ErasurePlan
    ) -> tuple[list[ErasureStep], bool]:
        """In one transaction: empties and cancels the jobs about the person,
        deletes the local adapters' rows, queues the planned vendor jobs and keeps
        the steps (job ids filled in). An erasure_id seen before changes nothing and
        returns its stored steps; the flag says whether this call erased."""

    async def export_subject(self, keys: SubjectKeys) -> list[SubjectRecord]:
        """The jobs and local adapter rows about the person, from one snapshot."""


class JobStore(SubjectStore, Protocol):
    async def enqueue(self, job: NewJob) -> tuple[Job, bool]:
        """Accepts the job, or returns the one already accepted with its key (created=False).
        Raises KeyReused when the key was used for a different request."""

    async def get(self, job_id: str) -> Job | None: ...

    async def list(self, status: JobStatus | None, limit: int, after: Cursor | None) -> list[Job]: ...

    async def retry(self, job_id: str, max_attempts: int) -> Job | None:
        """Queues a dead job again with a fresh attempt budget. None: no such job;
        raises NotRetryable for a delivered job."""

    async def claim(self, worker: str, routes: Sequence[str], lease_seconds: float) -> Claim | None:
        """Leases the oldest due job whose "kind:adapter" is in routes, counting one attempt."""

    async def release(self, claim: Claim, delay_seconds: float) -> None:
        """Gives a claimed job back without delivering it; the attempt does not count."""

    async def acquire_serial(self, claim: Claim, lease_seconds: float) -> bool:
        """Takes the job's serial-key lock, leased like the job; False while another
        job with the same key is being delivered."""

    async def confirm_attempt(self, claim: Claim) -> bool:
        """Makes the claim durable before a call that must not be repeated blindly;
        False when the lease was lost."""

    async def succeed(self, claim: Claim, vendor_id: str, *, durable: bool = False) -> bool:
        """Records the delivery; False when the lease was lost to another worker.
        durable: wait for the commit to reach disk (when a repeat would not be harmless)."""

    async def fail(
        self, claim: Claim, error: str, *, retry_in: float | None, max_attempts: int, durable: bool = False
    ) -> Job | None:
        """Records a failed attempt: queued again after retry_in seconds, or dead when
        retry_in is None or the attempts are used up. None when the lease was lost."""

    async def purge_delivered(self, older_than_seconds: float, limit: int) -> int:
        """Deletes up to `limit` jobs delivered before that age, and stale locks."""

    async def ping(self) -> bool: ...


class LocalRecords(Protocol):
    """What the local adapters write: the offline stand-in of each vendor, each
    write idempotent on its own (a retry finds the first write)."""

    async def upsert_lead(self, lead: LeadData) -> str: ...

    async def record_email(self, job_id: str, email: EmailData) -> str: ...

    async def book_meeting(self, job_id: str, event_id: str, meeting: MeetingData) -> str:
        """Raises SlotBusy when another meeting overlaps."""

    async def record_event(self, job_id: str, insert_id: str, event: EventData) -> str: ...
