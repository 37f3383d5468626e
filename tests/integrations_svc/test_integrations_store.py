"""The outbox's concurrency contract, on PostgreSQL: SKIP LOCKED claims, leases that
expire, writes fenced by the lease token, per-person locks."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from integrations_support import Db

from atende_runtime.postgres import open_pool
from integrations_svc.domain import JobStatus, Kind, LeadData, NewJob
from integrations_svc.pg_store import PostgresStore, open_worker_pool

ROUTES = ["sync_lead:local"]


@pytest.fixture
async def store(database_url: str, unique_name: str, schemas: list[str]) -> AsyncIterator[PostgresStore]:
    schemas.append(unique_name)
    pool = await open_pool(database_url, min_size=1, max_size=24)
    workers = await open_worker_pool(database_url, max_size=24)
    store = PostgresStore(pool, unique_name, workers)
    await store.migrate()
    yield store
    await workers.close()
    await pool.close()


def lead_job(key: str, email: str = "ana@example.com") -> NewJob:
    lead = LeadData(email=email)
    return NewJob(Kind.SYNC_LEAD, "local", key, lead.to_payload(), f"crm:local:{lead.match_key()}")


async def test_concurrent_claims_never_share_a_job(store: PostgresStore) -> None:
    for i in range(5):
        await store.enqueue(lead_job(f"k{i}", f"p{i}@example.com"))
    claims = await asyncio.gather(*(store.claim(f"w{i}", ROUTES, 30) for i in range(20)))
    taken = [c.job.job_id for c in claims if c is not None]
    assert len(taken) == len(set(taken)) == 5
    assert all(c.attempt == 1 and not c.in_doubt for c in claims if c is not None)
    assert await store.claim("late", ROUTES, 30) is None  # all leased


async def test_expired_lease_is_taken_over_and_the_old_worker_is_fenced(store: PostgresStore, db: Db) -> None:
    await store.enqueue(lead_job("k"))
    first = await store.claim("A", ROUTES, 0.2)
    assert first is not None and await store.claim("B", ROUTES, 30) is None
    await asyncio.sleep(0.3)
    second = await store.claim("B", ROUTES, 30)
    assert second is not None and second.job.job_id == first.job.job_id
    assert second.attempt == 2 and second.in_doubt  # A's attempt never finished
    assert await store.succeed(first, "from-A") is False
    assert await store.succeed(second, "from-B") is True
    job = await store.get(first.job.job_id)
    assert job is not None and job.status == JobStatus.DELIVERED and job.vendor_id == "from-B"
    outcomes = await db.rows("SELECT attempt, worker, outcome FROM attempts ORDER BY attempt")
    assert [(r["worker"], r["outcome"]) for r in outcomes] == [("A", "superseded"), ("B", "delivered")]


async def test_one_person_is_delivered_by_one_job_at_a_time(store: PostgresStore) -> None:
    await store.enqueue(lead_job("k1"))
    await store.enqueue(lead_job("k2"))
    first = await store.claim("A", ROUTES, 0.3)
    second = await store.claim("B", ROUTES, 30)
    assert first is not None and second is not None
    assert await store.acquire_serial(first, 0.3)
    assert not await store.acquire_serial(second, 30)
    await store.release(second, 0.0)
    released = await store.get(second.job.job_id)
    assert released is not None and released.attempts == 0  # giving back does not count
    await asyncio.sleep(0.4)  # A died holding the lock: its lease runs out
    again = await store.claim("B", ROUTES, 30)
    assert again is not None and await store.acquire_serial(again, 30)


async def test_failures_back_off_then_go_dead(store: PostgresStore) -> None:
    await store.enqueue(lead_job("k"))
    for attempt in (1, 2):
        claim = await store.claim("A", ROUTES, 30)
        assert claim is not None and claim.attempt == attempt
        job = await store.fail(claim, f"boom {attempt}", retry_in=0.0 if attempt == 1 else 60.0, max_attempts=3)
        assert job is not None and job.status == JobStatus.QUEUED and job.last_error == f"boom {attempt}"
    assert await store.claim("A", ROUTES, 30) is None  # not due for a minute
    retried = await store.retry(job.job_id, 3)
    assert retried is not None and retried.status == JobStatus.QUEUED
    claim = await store.claim("A", ROUTES, 30)
    assert claim is not None and claim.attempt == 3
    dead = await store.fail(claim, "refused", retry_in=None, max_attempts=3)
    assert dead is not None and dead.status == JobStatus.DEAD
