"""Chaos: the real service (gRPC, PostgreSQL outbox, workers) delivering to fake
vendors that fail in the ways vendors fail. In every case each lead ends up in the
fake CRM exactly once and no job is lost."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as pb
from integrations_support import Db, serving, wait_until
from integrations_vendors import FakeHubSpot, FakeSalesforce, FakeSendGrid

from devstack.embedded import free_port

QUEUED, DELIVERED, DEAD = pb.JOB_STATUS_QUEUED, pb.JOB_STATUS_DELIVERED, pb.JOB_STATUS_DEAD


@pytest.fixture
async def crm() -> AsyncIterator[FakeHubSpot]:
    fake = FakeHubSpot()
    await fake.start()
    yield fake
    await fake.close()


def hubspot_settings(make_settings: Any, fake: FakeHubSpot, **overrides: Any) -> Any:
    return make_settings(
        crm_adapter="hubspot", hubspot_base_url=fake.server.url, hubspot_access_token=fake.token, **overrides
    )


async def sync_leads(
    stub: Any, count: int, prefix: str = "lead", emails: int | None = None, key: str = ""
) -> list[str]:
    ids = []
    for i in range(count):
        email = f"{prefix}{i % (emails or count)}@example.com"
        request = pb.SyncLeadRequest(
            lead=types_pb2.Lead(email=email, name=f"Lead {i}", score=30), idempotency_key=f"{key or prefix}-{i}"
        )
        ids.append((await stub.SyncLead(request)).job.job_id)
    return ids


async def all_settled(db: Db, expected: int, within: float = 20.0) -> dict[str, int]:
    async def settled() -> bool:
        statuses = await db.statuses()
        return statuses.get("delivered", 0) + statuses.get("dead", 0) == expected

    await wait_until(settled, within, 0.1)
    return await db.statuses()


def assert_once(fake: FakeHubSpot, emails: set[str]) -> None:
    found = fake.emails()
    assert sorted(found) == sorted(emails), f"{len(found)} contacts for {len(emails)} leads"


async def test_crm_down_for_the_first_attempts(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    crm.chaos.fail_next = 12
    async with serving(hubspot_settings(make_settings, crm)) as (_, stub):
        await sync_leads(stub, 6)
        assert await all_settled(db, 6) == {"delivered": 6}
    assert_once(crm, {f"lead{i}@example.com" for i in range(6)})
    assert await db.count("SELECT max(attempts) FROM jobs") > 1
    assert await db.count("SELECT count(*) FROM attempts WHERE outcome = 'failed'") >= 6


async def test_crm_not_listening_then_back(make_settings: Any, db: Db) -> None:
    fake = FakeHubSpot()
    fake.server.port = free_port()
    async with serving(hubspot_settings(make_settings, fake)) as (_, stub):
        await sync_leads(stub, 4)
        await wait_until(lambda: db.count("SELECT count(*) FROM jobs WHERE attempts >= 2"), 10)
        assert await db.count("SELECT count(*) FROM jobs WHERE status = 'queued'") == 4
        error = (await db.rows("SELECT last_error FROM jobs LIMIT 1"))[0]["last_error"]
        assert "cannot connect" in error
        await fake.start()
        try:
            assert await all_settled(db, 4) == {"delivered": 4}
        finally:
            await fake.close()
    assert_once(fake, {f"lead{i}@example.com" for i in range(4)})


async def test_crm_slow_past_the_timeout(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    # Every create is recorded by the CRM but answered after our timeout: the
    # worker cannot know it worked; the retry searches, finds it and updates.
    crm.chaos.slow_next_creates, crm.chaos.slow_seconds = 4, 1.0
    async with serving(hubspot_settings(make_settings, crm, http_timeout_seconds=0.3)) as (_, stub):
        await sync_leads(stub, 4)
        assert await all_settled(db, 4) == {"delivered": 4}
    assert_once(crm, {f"lead{i}@example.com" for i in range(4)})
    assert crm.contact_creates == 4
    errors = [r["error"] for r in await db.rows("SELECT error FROM attempts WHERE outcome = 'failed'")]
    assert errors and all("no answer in time" in e for e in errors)


async def test_crm_answers_429_with_retry_after(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    crm.chaos.rate_limit_next, crm.chaos.retry_after = 1, "1"
    async with serving(hubspot_settings(make_settings, crm)) as (_, stub):
        await sync_leads(stub, 3)
        assert await all_settled(db, 3) == {"delivered": 3}
    assert_once(crm, {f"lead{i}@example.com" for i in range(3)})
    (limited,) = await db.rows("SELECT job_id, finished_at, error FROM attempts WHERE outcome = 'failed'")
    assert "HTTP 429" in limited["error"]
    # The rate-limited job was not tried again before its Retry-After passed.
    (retry,) = await db.rows(
        "SELECT started_at FROM attempts WHERE job_id = %s AND outcome = 'delivered'", limited["job_id"]
    )
    assert (retry["started_at"] - limited["finished_at"]).total_seconds() >= 0.95


async def test_crm_stays_down_then_dead_then_retried(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    crm.chaos.fail_next = 10**6
    async with serving(hubspot_settings(make_settings, crm, max_attempts=3)) as (_, stub):
        (job_id,) = await sync_leads(stub, 1)
        await all_settled(db, 1)
        dead = (await stub.ListJobs(pb.ListJobsRequest(status=DEAD))).jobs
        assert [j.job_id for j in dead] == [job_id]
        assert dead[0].attempts == 3 and "HTTP 503" in dead[0].last_error and not crm.contacts

        crm.chaos.fail_next = 0  # the vendor is back; the operator retries
        retried = (await stub.RetryJob(pb.RetryJobRequest(job_id=job_id))).job
        assert retried.status == QUEUED

        async def done() -> bool:
            job = (await stub.GetJob(pb.GetJobRequest(job_id=job_id))).job
            return bool(job.status == DELIVERED)

        await wait_until(done, 10)
        job = (await stub.GetJob(pb.GetJobRequest(job_id=job_id))).job
        assert job.attempts == 4 and job.vendor_id in crm.contacts and job.last_error == ""
    assert_once(crm, {"lead0@example.com"})


async def test_breaker_stops_calls_while_the_vendor_is_down(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    crm.chaos.fail_next = 10**6
    settings = hubspot_settings(
        make_settings, crm, breaker_failure_threshold=2, breaker_reset_seconds=0.6, max_attempts=50,
        backoff_base_seconds=0.01, backoff_max_seconds=0.02,
    )
    async with serving(settings) as (_, stub):
        await sync_leads(stub, 5)
        await asyncio.sleep(1.5)
        # Without the breaker, 5 jobs retrying every ~20 ms would make ~300 calls.
        calls = len(crm.requests)
        assert 2 <= calls <= 12, calls
        assert await db.statuses() == {"queued": 5}
        crm.chaos.fail_next = 0
        assert await all_settled(db, 5) == {"delivered": 5}
    assert_once(crm, {f"lead{i}@example.com" for i in range(5)})


async def test_two_replicas_and_shared_emails(make_settings: Any, crm: FakeHubSpot, db: Db) -> None:
    # 24 jobs for 8 people, accepted on two replicas that both deliver, with a
    # flaky CRM: every person is created once.
    crm.chaos.fail_next = 5
    settings = hubspot_settings(make_settings, crm, worker_concurrency=4)
    async with serving(settings) as (_, first), serving(settings) as (_, second):
        await asyncio.gather(
            sync_leads(first, 12, prefix="p", emails=8), sync_leads(second, 12, prefix="q", emails=8)
        )
        assert await all_settled(db, 24, 30) == {"delivered": 24}
    assert_once(crm, {f"{p}{i}@example.com" for p in "pq" for i in range(8)})
    vendor_ids = await db.rows("SELECT payload->>'email' AS email, vendor_id FROM jobs")
    by_email: dict[str, set[str]] = {}
    for row in vendor_ids:
        by_email.setdefault(row["email"], set()).add(row["vendor_id"])
    assert all(len(ids) == 1 for ids in by_email.values())


async def test_two_replicas_with_a_crm_that_has_no_unique_email(make_settings: Any, db: Db) -> None:
    # Salesforce takes two Leads with one e-mail: only our per-person delivery lock
    # keeps two jobs about one person from both searching, missing, and creating.
    fake = FakeSalesforce()
    await fake.start()
    settings = make_settings(
        crm_adapter="salesforce", salesforce_instance_url=fake.server.url, salesforce_access_token=fake.token,
        worker_concurrency=4,
    )
    fake.chaos.slow_next_creates, fake.chaos.slow_seconds = 10**6, 0.05  # widen the race window
    try:
        async with serving(settings) as (_, first), serving(settings) as (_, second):
            await asyncio.gather(
                sync_leads(first, 12, prefix="p", emails=4, key="a"),
                sync_leads(second, 12, prefix="p", emails=4, key="b"),
            )
            assert await all_settled(db, 24, 30) == {"delivered": 24}
    finally:
        await fake.close()
    emails = sorted(lead["Email"] for lead in fake.leads.values())
    assert emails == sorted(f"p{i}@example.com" for i in range(4))


async def test_credentials_never_logged(
    make_settings: Any, crm: FakeHubSpot, db: Db, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "pat-na1-not-the-right-one-0000"
    caplog.set_level(logging.DEBUG)
    settings = make_settings(
        crm_adapter="hubspot", hubspot_base_url=crm.server.url, hubspot_access_token=secret, max_attempts=2
    )
    assert secret not in repr(settings)
    async with serving(settings) as (_, stub):
        await sync_leads(stub, 1)
        assert await all_settled(db, 1) == {"dead": 1}
    (job,) = await db.rows("SELECT last_error FROM jobs")
    assert "HTTP 401" in job["last_error"] and secret not in job["last_error"]
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "HTTP 401" in logged and secret not in logged


@pytest.fixture
async def mail() -> AsyncIterator[FakeSendGrid]:
    fake = FakeSendGrid()
    await fake.start()
    yield fake
    await fake.close()


def sendgrid_settings(make_settings: Any, fake: FakeSendGrid, **overrides: Any) -> Any:
    return make_settings(
        email_adapter="sendgrid", sendgrid_base_url=fake.server.url, sendgrid_api_key=fake.token, **overrides
    )


def follow_up(key: str) -> pb.SendEmailRequest:
    return pb.SendEmailRequest(
        to="maria@example.com", template="lead_follow_up", language="en", idempotency_key=key,
        variables={"lead_name": "Maria", "business_name": "Solar", "summary": "kit"},
    )


async def test_email_retried_when_surely_not_sent(make_settings: Any, mail: FakeSendGrid, db: Db) -> None:
    mail.chaos.fail_next = 2
    mail.chaos.rate_limit_next, mail.chaos.retry_after = 1, "1"
    async with serving(sendgrid_settings(make_settings, mail)) as (_, stub):
        job_id = (await stub.SendEmail(follow_up("m1"))).job.job_id
        assert await all_settled(db, 1) == {"delivered": 1}
        job = (await stub.GetJob(pb.GetJobRequest(job_id=job_id))).job
    (message,) = mail.messages
    assert job.vendor_id == message["_message_id"] and job.attempts == 4
    assert message["subject"] == "Solar: next steps, Maria"


async def test_email_in_doubt_is_never_sent_twice(make_settings: Any, mail: FakeSendGrid, db: Db) -> None:
    # SendGrid accepted the message but the answer came after our timeout: sending
    # again could mail the customer twice, so the job goes dead for an operator.
    mail.chaos.slow_next_creates, mail.chaos.slow_seconds = 1, 1.0
    async with serving(sendgrid_settings(make_settings, mail, http_timeout_seconds=0.3)) as (_, stub):
        job_id = (await stub.SendEmail(follow_up("m2"))).job.job_id
        assert await all_settled(db, 1) == {"dead": 1}
        job = (await stub.GetJob(pb.GetJobRequest(job_id=job_id))).job
        assert "in doubt" in job.last_error and job.attempts == 1
        await asyncio.sleep(1.2)
        assert len(mail.messages) == 1
        # The operator checked SendGrid and decides to send again.
        await stub.RetryJob(pb.RetryJobRequest(job_id=job_id))
        await wait_until(lambda: len(mail.messages) == 2, 5)
        assert await all_settled(db, 1) == {"delivered": 1}
