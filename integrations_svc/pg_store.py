"""PostgreSQL implementation of JobStore (and, through pg_local, LocalRecords; through
pg_subjects, the LGPD erasure and export).

Concurrency rules:
- accepting is one INSERT ... ON CONFLICT (idempotency_key): two callers with one key
  get one job;
- a worker claims with SELECT ... FOR UPDATE SKIP LOCKED and writes a lease (owner,
  token, expiry) in the same transaction, so two workers never hold one job; a job
  whose worker died is claimable again once its lease expires;
- every later write about the attempt is fenced by the lease token.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, LiteralString

from psycopg import AsyncConnection, conninfo
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb

from atende_runtime.postgres import Pool, migrate, open_pool, ping
from integrations_svc.domain import Job, JobStatus, NewJob
from integrations_svc.pg_local import single
from integrations_svc.pg_subjects import PostgresSubjects
from integrations_svc.store import Claim, Cursor, KeyReused, NotRetryable

MIGRATIONS = Path(__file__).parent / "migrations"

_JOB_COLUMNS = (
    "job_id, kind, status, attempts, vendor_id, last_error, idempotency_key, adapter, "
    "created_at, updated_at, next_attempt_at, payload, request_hash, serial_key"
)


def _job(row: DictRow) -> Job:
    status = JobStatus(row["status"])
    return Job(
        job_id=str(row["job_id"]),
        kind=row["kind"],
        status=status,
        attempts=row["attempts"],
        vendor_id=row["vendor_id"],
        last_error=row["last_error"],
        idempotency_key=row["idempotency_key"],
        adapter=row["adapter"],
        create_time=row["created_at"],
        update_time=row["updated_at"],
        next_attempt_time=row["next_attempt_at"] if status == JobStatus.QUEUED else None,
        payload=row["payload"],
    )


class PostgresStore(PostgresSubjects):
    """JobStore; LocalRecords comes with its base, since the local adapters' tables
    live in the same schema and are written by the same workers."""

    def __init__(self, pool: Pool, schema: str, worker_pool: Pool | None = None) -> None:
        """pool serves the RPCs: every commit is durable before the caller hears
        "accepted". worker_pool, when given, has synchronous_commit off (see
        open_worker_pool): the workers' bookkeeping then costs no fsync of its own,
        and durable() makes it durable where a repeat would not be harmless."""
        super().__init__(worker_pool or pool, schema)
        self.pool = pool

    async def migrate(self) -> list[str]:
        return await migrate(self.pool, self.schema, MIGRATIONS)

    async def ping(self) -> bool:
        return await ping(self.pool)

    # --- accepting and reading jobs ---

    async def enqueue(self, job: NewJob) -> tuple[Job, bool]:
        request_hash = job.request_hash()
        async with self.pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "INSERT INTO {s}.jobs (job_id, kind, adapter, idempotency_key, request_hash, payload, serial_key)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (idempotency_key) DO NOTHING RETURNING " + _JOB_COLUMNS
                ),
                (
                    uuid.uuid4(),
                    job.kind.value,
                    job.adapter,
                    job.idempotency_key,
                    request_hash,
                    Jsonb(job.payload),
                    job.serial_key,
                ),
            )
            row = await cursor.fetchone()
            if row is not None:
                return _job(row), True
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q("SELECT " + _JOB_COLUMNS + " FROM {s}.jobs WHERE idempotency_key = %s"),
                (job.idempotency_key,),
            )
            existing = await cursor.fetchone()
        if existing is None:  # deleted in between: cannot happen, jobs are never deleted
            raise KeyReused("the idempotency key vanished; retry")
        if existing["kind"] != job.kind.value or existing["request_hash"] != request_hash:
            raise KeyReused(f"idempotency_key already used by job {existing['job_id']} for a different request")
        return _job(existing), False

    async def get(self, job_id: str) -> Job | None:
        async with self.pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q("SELECT " + _JOB_COLUMNS + " FROM {s}.jobs WHERE job_id = %s"), (uuid.UUID(job_id),)
            )
            row = await cursor.fetchone()
        return _job(row) if row is not None else None

    async def list(self, status: JobStatus | None, limit: int, after: Cursor | None) -> list[Job]:
        conditions: list[LiteralString] = []
        params: list[Any] = []
        if status is not None:
            conditions.append("status = %s")
            params.append(status.value)
        if after is not None:
            conditions.append("(created_at, job_id) < (%s, %s)")
            params.extend([after.create_time, uuid.UUID(after.job_id)])
        where: LiteralString = (" WHERE " + " AND ".join(conditions)) if conditions else ""
        async with self.pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "SELECT " + _JOB_COLUMNS + " FROM {s}.jobs" + where + " ORDER BY created_at DESC, job_id DESC LIMIT %s"
                ),
                (*params, limit),
            )
            rows = await cursor.fetchall()
        return [_job(row) for row in rows]

    async def retry(self, job_id: str, max_attempts: int) -> Job | None:
        async with self.pool.connection() as conn, conn.transaction():
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "SELECT status, lease_until > now() AS leased, erased_at IS NOT NULL AS erased"
                    " FROM {s}.jobs WHERE job_id = %s FOR UPDATE"
                ),
                (uuid.UUID(job_id),),
            )
            row = await cursor.fetchone()
            if row is None:
                return None
            if row["status"] == JobStatus.DELIVERED:
                raise NotRetryable("the job was delivered")
            if row["erased"]:
                raise NotRetryable("the person's data in it was erased (LGPD)")
            if row["status"] == JobStatus.DEAD:
                # The operator decided: attempts that never finished are settled, so a
                # delivery that was in doubt is made again.
                await conn.execute(
                    self._q(
                        "UPDATE {s}.attempts SET finished_at = now(), outcome = 'abandoned'"
                        " WHERE job_id = %s AND finished_at IS NULL"
                    ),
                    (uuid.UUID(job_id),),
                )
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "UPDATE {s}.jobs SET status = 'queued', attempts_allowed = attempts + %s,"
                    " next_attempt_at = LEAST(next_attempt_at, now()), updated_at = now()"
                    " WHERE job_id = %s RETURNING " + _JOB_COLUMNS
                ),
                (max_attempts, uuid.UUID(job_id)),
            )
            updated = await cursor.fetchone()
        return _job(updated) if updated is not None else None

    # --- delivery ---

    # Each statement below is one round trip and one transaction: data-modifying
    # CTEs see one snapshot and commit together.

    async def claim(self, worker: str, routes: Sequence[str], lease_seconds: float) -> Claim | None:
        if not routes:
            return None
        token = uuid.uuid4()
        async with self.worker_pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "WITH picked AS ("
                    " SELECT job_id FROM {s}.jobs"
                    " WHERE status = 'queued' AND next_attempt_at <= now()"
                    " AND (lease_until IS NULL OR lease_until < now())"
                    " AND kind || ':' || adapter = ANY(%(routes)s)"
                    # A customer's channel messages go out in order: one waits for the
                    # older ones of the same customer (its serial key) to be done.
                    " AND (kind NOT IN ('send_whatsapp', 'send_email_reply') OR NOT EXISTS ("
                    "  SELECT 1 FROM {s}.jobs o WHERE o.serial_key = jobs.serial_key AND o.status = 'queued'"
                    "  AND o.created_at < jobs.created_at))"
                    " ORDER BY next_attempt_at, created_at LIMIT 1 FOR UPDATE SKIP LOCKED),"
                    " claimed AS ("
                    " UPDATE {s}.jobs j SET lease_owner = %(worker)s, lease_token = %(token)s,"
                    " lease_until = now() + make_interval(secs => %(lease)s),"
                    " attempts = j.attempts + 1, updated_at = now()"
                    " FROM picked WHERE j.job_id = picked.job_id RETURNING j.*),"
                    " started AS ("
                    " INSERT INTO {s}.attempts (job_id, attempt, lease_token, worker)"
                    " SELECT job_id, attempts, %(token)s, %(worker)s FROM claimed RETURNING job_id)"
                    " SELECT " + _JOB_COLUMNS + ","
                    # The snapshot predates `started`: this counts earlier attempts only.
                    " (SELECT count(*) FROM {s}.attempts a"
                    "  WHERE a.job_id = claimed.job_id AND a.finished_at IS NULL) AS unfinished"
                    " FROM claimed"
                ),
                {"routes": list(routes), "worker": worker, "token": token, "lease": lease_seconds},
            )
            row = await cursor.fetchone()
        if row is None:
            return None
        return Claim(
            job=_job(row),
            lease_token=str(token),
            attempt=row["attempts"],
            in_doubt=row["unfinished"] > 0,
            serial_key=row["serial_key"],
        )

    async def release(self, claim: Claim, delay_seconds: float) -> None:
        async with self.worker_pool.connection() as conn:
            await conn.execute(
                self._q(
                    "WITH released AS ("
                    " UPDATE {s}.jobs SET attempts = attempts - 1, lease_owner = NULL, lease_token = NULL,"
                    " lease_until = NULL, next_attempt_at = now() + make_interval(secs => %(delay)s),"
                    " updated_at = now() WHERE job_id = %(job_id)s AND lease_token = %(token)s RETURNING job_id),"
                    " forgotten AS ("
                    " DELETE FROM {s}.attempts WHERE job_id = %(job_id)s AND lease_token = %(token)s"
                    " AND EXISTS (SELECT 1 FROM released) RETURNING job_id),"
                    " unlocked AS (DELETE FROM {s}.delivery_locks WHERE lease_token = %(token)s RETURNING lock_key)"
                    " SELECT (SELECT count(*) FROM released) AS released"
                ),
                {
                    "delay": delay_seconds,
                    "job_id": uuid.UUID(claim.job.job_id),
                    "token": uuid.UUID(claim.lease_token),
                },
            )

    async def acquire_serial(self, claim: Claim, lease_seconds: float) -> bool:
        async with self.worker_pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "INSERT INTO {s}.delivery_locks (lock_key, job_id, lease_token, lease_until)"
                    " SELECT serial_key, job_id, lease_token, now() + make_interval(secs => %s)"
                    " FROM {s}.jobs WHERE job_id = %s AND lease_token = %s AND serial_key IS NOT NULL"
                    " ON CONFLICT (lock_key) DO UPDATE SET job_id = EXCLUDED.job_id,"
                    " lease_token = EXCLUDED.lease_token, lease_until = EXCLUDED.lease_until"
                    # Free, or held by an earlier lease of this very job (its worker died).
                    " WHERE delivery_locks.lease_until < now() OR delivery_locks.job_id = EXCLUDED.job_id"
                    " RETURNING lock_key"
                ),
                (lease_seconds, uuid.UUID(claim.job.job_id), uuid.UUID(claim.lease_token)),
            )
            return await cursor.fetchone() is not None

    async def confirm_attempt(self, claim: Claim) -> bool:
        """Makes the claim and its attempt row durable before a call that must not be
        repeated blindly: a synchronous commit flushes the WAL up to it, earlier
        asynchronous commits included. False when the lease was lost."""
        async with self.worker_pool.connection() as conn, _commit(conn, True):
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "UPDATE {s}.attempts SET worker = worker"
                    " WHERE job_id = %s AND lease_token = %s AND finished_at IS NULL RETURNING attempt"
                ),
                (uuid.UUID(claim.job.job_id), uuid.UUID(claim.lease_token)),
            )
            return await cursor.fetchone() is not None

    # The end of an attempt: the job's new state, this attempt's outcome, earlier
    # attempts that never finished settled as "interrupted" (only when the lease is
    # still ours), and the serial lock released.
    _FINISH_ATTEMPTS: LiteralString = (
        " mine AS ("
        " UPDATE {s}.attempts SET finished_at = now(), error = %(error)s, vendor_id = %(vendor_id)s,"
        " outcome = CASE WHEN EXISTS (SELECT 1 FROM done) THEN %(outcome)s ELSE 'superseded' END"
        " WHERE job_id = %(job_id)s AND lease_token = %(token)s AND finished_at IS NULL RETURNING attempt),"
        " earlier AS ("
        " UPDATE {s}.attempts SET finished_at = now(), outcome = 'interrupted'"
        " WHERE job_id = %(job_id)s AND lease_token <> %(token)s AND finished_at IS NULL"
        " AND EXISTS (SELECT 1 FROM done) RETURNING attempt),"
        " unlocked AS (DELETE FROM {s}.delivery_locks WHERE lease_token = %(token)s RETURNING lock_key)"
    )

    async def succeed(self, claim: Claim, vendor_id: str, *, durable: bool = False) -> bool:
        async with self.worker_pool.connection() as conn, _commit(conn, durable):
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "WITH done AS ("
                    " UPDATE {s}.jobs SET status = 'delivered', vendor_id = %(vendor_id)s, last_error = '',"
                    # A delivered LGPD deletion needs the person's identifiers no more.
                    " payload = CASE WHEN kind IN ('erase_crm', 'erase_analytics') THEN '{{}}'::jsonb"
                    " ELSE payload END,"
                    " lease_owner = NULL, lease_token = NULL, lease_until = NULL,"
                    " updated_at = now(), delivered_at = now()"
                    " WHERE job_id = %(job_id)s AND lease_token = %(token)s RETURNING job_id),"
                    + self._FINISH_ATTEMPTS
                    + " SELECT count(*) AS owned FROM done"
                ),
                {
                    "vendor_id": vendor_id,
                    "error": "",
                    "outcome": "delivered",
                    "job_id": uuid.UUID(claim.job.job_id),
                    "token": uuid.UUID(claim.lease_token),
                },
            )
            row = single(await cursor.fetchone())
        return bool(row["owned"])

    async def fail(
        self, claim: Claim, error: str, *, retry_in: float | None, max_attempts: int, durable: bool = False
    ) -> Job | None:
        async with self.worker_pool.connection() as conn, _commit(conn, durable):
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "WITH done AS ("
                    " UPDATE {s}.jobs SET status = CASE WHEN %(permanent)s"
                    " OR attempts >= COALESCE(attempts_allowed, %(max)s) THEN 'dead' ELSE 'queued' END,"
                    " next_attempt_at = now() + make_interval(secs => %(delay)s), last_error = %(error)s,"
                    " lease_owner = NULL, lease_token = NULL, lease_until = NULL, updated_at = now()"
                    " WHERE job_id = %(job_id)s AND lease_token = %(token)s RETURNING *),"
                    + self._FINISH_ATTEMPTS
                    + " SELECT " + _JOB_COLUMNS + " FROM done"
                ),
                {
                    "permanent": retry_in is None,
                    "max": max_attempts,
                    "delay": retry_in or 0.0,
                    "error": error,
                    "vendor_id": "",
                    "outcome": "failed",
                    "job_id": uuid.UUID(claim.job.job_id),
                    "token": uuid.UUID(claim.lease_token),
                },
            )
            row = await cursor.fetchone()
        return _job(row) if row is not None else None

    async def purge_delivered(self, older_than_seconds: float, limit: int) -> int:
        async with self.worker_pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "WITH old AS (SELECT job_id FROM {s}.jobs WHERE status = 'delivered'"
                    " AND delivered_at < now() - make_interval(secs => %s) LIMIT %s),"
                    " gone AS (DELETE FROM {s}.jobs j USING old WHERE j.job_id = old.job_id RETURNING j.job_id),"
                    " stale AS (DELETE FROM {s}.delivery_locks WHERE lease_until < now() - interval '1 hour'"
                    " RETURNING lock_key)"
                    " SELECT count(*) AS n FROM gone"
                ),
                (older_than_seconds, limit),
            )
            row = single(await cursor.fetchone())
        return int(row["n"])


@asynccontextmanager
async def _commit(conn: AsyncConnection[Any], durable: bool) -> AsyncIterator[None]:
    """Runs the block in a transaction that commits synchronously when `durable`."""
    if not durable:
        yield
        return
    async with conn.transaction():
        await conn.execute("SET LOCAL synchronous_commit TO on")
        yield



async def open_worker_pool(url: str, *, max_size: int) -> Pool:
    """A pool whose commits do not wait for the WAL flush (synchronous_commit off).
    A PostgreSQL crash may forget the last fraction of a second of worker
    bookkeeping (a claim, a "delivered"); the job is then delivered again, which the
    adapters make harmless, or the write was made durable with durable=True."""
    return await open_pool(
        conninfo.make_conninfo(url, options="-c synchronous_commit=off"),
        min_size=1,
        max_size=max_size,
        name="integrations-workers",
    )
