"""The whole flow offline: the real gRPC server, PostgreSQL, the workers and the local
adapters, read back from the tables a developer would query."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as pb
from google.protobuf import timestamp_pb2
from integrations_support import Db, serving, wait_until

QUEUED, DELIVERED, DEAD = pb.JOB_STATUS_QUEUED, pb.JOB_STATUS_DELIVERED, pb.JOB_STATUS_DEAD


def lead(email: str = "maria@example.com", **fields: Any) -> types_pb2.Lead:
    values: dict[str, Any] = {
        "name": "Maria Silva",
        "email": email,
        "phone": "+55 11 91234-5678",
        "company": "Solar Ltda",
        "score": 72,
        "source": "whatsapp",
        "qualification": types_pb2.BantQualification(
            budget="R$ 20.000", authority="owner", need="solar kit", timeline="next month"
        ),
    }
    values.update(fields)
    return types_pb2.Lead(**values)


def at(dt: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(dt)
    return stamp


async def delivered(stub: Any, job_id: str, within: float = 10.0) -> pb.Job:
    result: dict[str, pb.Job] = {}

    async def check() -> bool:
        job = (await stub.GetJob(pb.GetJobRequest(job_id=job_id))).job
        result["job"] = job
        return bool(job.status != QUEUED)

    await wait_until(check, within)
    return result["job"]


async def test_lead_is_accepted_at_once_then_recorded_once(make_settings: Any, db: Db) -> None:
    async with serving(make_settings()) as (_, stub):
        first = (await stub.SyncLead(pb.SyncLeadRequest(lead=lead(), idempotency_key="lead-1"))).job
        assert first.job_id and first.kind == "sync_lead" and first.adapter == "local"
        assert first.status in (QUEUED, DELIVERED) and first.idempotency_key == "lead-1"
        assert first.create_time.seconds > 0

        again = (await stub.SyncLead(pb.SyncLeadRequest(lead=lead(), idempotency_key="lead-1"))).job
        assert again.job_id == first.job_id

        job = await delivered(stub, first.job_id)
        assert job.status == DELIVERED and job.attempts == 1 and job.vendor_id
        assert not job.HasField("next_attempt_time")

        # The same person again, with a new key: updated, not duplicated.
        update = lead(email="MARIA@example.com", company="", score=90)
        second = (await stub.SyncLead(pb.SyncLeadRequest(lead=update, idempotency_key="lead-2"))).job
        assert (await delivered(stub, second.job_id)).vendor_id == job.vendor_id

        rows = await db.rows("SELECT * FROM local_crm_leads")
        assert len(rows) == 1
        row = rows[0]
        assert row["email"] == "maria@example.com" and row["company"] == "Solar Ltda" and row["score"] == 90
        assert row["qualification"]["budget"] == "R$ 20.000" and row["updates"] == 2
        assert await db.count("SELECT count(*) FROM jobs") == 2


async def test_reused_key_for_another_request_is_refused(make_settings: Any) -> None:
    async with serving(make_settings(worker_concurrency=0)) as (_, stub):
        await stub.SyncLead(pb.SyncLeadRequest(lead=lead(), idempotency_key="k"))
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.SyncLead(pb.SyncLeadRequest(lead=lead(email="other@example.com"), idempotency_key="k"))
        assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.TrackEvent(pb.TrackEventRequest(event="lead_created", idempotency_key="k"))
        assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION


@pytest.mark.parametrize(
    ("language", "subject_word", "body_word"), [("pt", "próximos passos", "Olá"), ("en", "next steps", "Hi")]
)
async def test_follow_up_email_in_the_customer_language(
    make_settings: Any, db: Db, language: str, subject_word: str, body_word: str
) -> None:
    async with serving(make_settings()) as (_, stub):
        job = (
            await stub.SendEmail(
                pb.SendEmailRequest(
                    to="maria@example.com",
                    template="lead_follow_up",
                    language=language,
                    variables={"lead_name": "Maria", "business_name": "Sol & Cia", "summary": "Kit <5 kWp>"},
                    idempotency_key=f"mail-{language}",
                )
            )
        ).job
        assert (await delivered(stub, job.job_id)).status == DELIVERED
        (row,) = await db.rows("SELECT * FROM local_emails")
        assert row["language"] == language and row["to_address"] == "maria@example.com"
        assert subject_word in row["subject"] and row["body_text"].startswith(body_word)
        assert "Kit <5 kWp>" in row["body_text"] and "Kit &lt;5 kWp&gt;" in row["body_html"]
        assert "Sol &amp; Cia" in row["body_html"]


async def test_escalation_notice_and_default_language(make_settings: Any, db: Db) -> None:
    async with serving(make_settings()) as (_, stub):
        job = (
            await stub.SendEmail(
                pb.SendEmailRequest(
                    to="support@example.com",
                    template="escalation_notice",
                    variables={"conversation_id": "c-9", "customer_name": "João", "reason": "refund", "summary": "…"},
                    idempotency_key="esc-1",
                )
            )
        ).job
        assert (await delivered(stub, job.job_id)).status == DELIVERED
        (row,) = await db.rows("SELECT * FROM local_emails")
        assert row["language"] == "pt" and "Escalonamento" in row["subject"] and "c-9" in row["subject"]


async def test_meeting_booked_and_slot_conflict_goes_dead(make_settings: Any, db: Db) -> None:
    start = (datetime.now(UTC) + timedelta(days=2)).replace(minute=0, second=0, microsecond=0)
    async with serving(make_settings()) as (_, stub):
        first = (
            await stub.BookMeeting(
                pb.BookMeetingRequest(
                    attendee_email="maria@example.com", attendee_name="Maria", start_time=at(start),
                    title="Solar kit demo", idempotency_key="meet-1",
                )
            )
        ).job
        job = await delivered(stub, first.job_id)
        assert job.status == DELIVERED
        (row,) = await db.rows("SELECT * FROM local_meetings")
        assert row["end_time"] - row["start_time"] == timedelta(minutes=30) and row["event_id"] == job.vendor_id

        clash = (
            await stub.BookMeeting(
                pb.BookMeetingRequest(
                    attendee_email="joao@example.com", start_time=at(start + timedelta(minutes=15)),
                    duration_minutes=45, idempotency_key="meet-2",
                )
            )
        ).job
        dead = await delivered(stub, clash.job_id)
        assert dead.status == DEAD and "busy" in dead.last_error
        assert await db.count("SELECT count(*) FROM local_meetings") == 1


async def test_business_events_recorded_once(make_settings: Any, db: Db) -> None:
    names = ["conversation_started", "intent_detected", "lead_created", "lead_qualified", "meeting_booked", "escalation"]
    async with serving(make_settings()) as (_, stub):
        jobs = []
        for name in names:
            request = pb.TrackEventRequest(
                event=name, distinct_id="user-1", properties={"agent": "sales"}, idempotency_key=f"ev-{name}"
            )
            jobs.append((await stub.TrackEvent(request)).job)
            await stub.TrackEvent(request)  # a replay
        for job in jobs:
            assert (await delivered(stub, job.job_id)).status == DELIVERED
        rows = await db.rows("SELECT event, properties FROM local_events ORDER BY event")
        assert sorted(r["event"] for r in rows) == sorted(names)
        assert all(r["properties"] == {"agent": "sales"} for r in rows)


async def test_list_jobs_pages_newest_first_and_filters(make_settings: Any) -> None:
    async with serving(make_settings(worker_concurrency=0)) as (_, stub):
        ids = []
        for i in range(5):
            request = pb.TrackEventRequest(event="lead_created", distinct_id=str(i), idempotency_key=f"e{i}")
            ids.append((await stub.TrackEvent(request)).job.job_id)
        seen: list[str] = []
        token = ""
        while True:
            page = await stub.ListJobs(pb.ListJobsRequest(page_size=2, page_token=token))
            seen += [job.job_id for job in page.jobs]
            assert len(page.jobs) <= 2
            token = page.next_page_token
            if not token:
                break
        assert seen == list(reversed(ids))
        queued = await stub.ListJobs(pb.ListJobsRequest(status=QUEUED))
        assert len(queued.jobs) == 5 and not queued.next_page_token
        assert not (await stub.ListJobs(pb.ListJobsRequest(status=DEAD))).jobs
        for bad in (pb.ListJobsRequest(page_size=-1), pb.ListJobsRequest(page_token="garbage")):
            with pytest.raises(grpc.aio.AioRpcError) as error:
                await stub.ListJobs(bad)
            assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_get_and_retry_errors(make_settings: Any) -> None:
    async with serving(make_settings()) as (_, stub):
        for job_id, code in (
            ("", grpc.StatusCode.INVALID_ARGUMENT),
            ("not-a-uuid", grpc.StatusCode.INVALID_ARGUMENT),
            ("00000000-0000-0000-0000-000000000000", grpc.StatusCode.NOT_FOUND),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as error:
                await stub.GetJob(pb.GetJobRequest(job_id=job_id))
            assert error.value.code() == code
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.RetryJob(pb.RetryJobRequest(job_id="00000000-0000-0000-0000-000000000000"))
        assert error.value.code() == grpc.StatusCode.NOT_FOUND
        job = (await stub.TrackEvent(pb.TrackEventRequest(event="lead_created", idempotency_key="x"))).job
        await delivered(stub, job.job_id)
        with pytest.raises(grpc.aio.AioRpcError) as error:
            await stub.RetryJob(pb.RetryJobRequest(job_id=job.job_id))
        assert error.value.code() == grpc.StatusCode.FAILED_PRECONDITION


async def test_health_serves_when_postgres_answers(make_settings: Any) -> None:
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    async with serving(make_settings()) as (running, _):
        async with grpc.aio.insecure_channel(f"127.0.0.1:{running.port}") as channel:
            health = health_pb2_grpc.HealthStub(channel)

            async def serving_now() -> bool:
                answer = await health.Check(
                    health_pb2.HealthCheckRequest(service="atende.integrations.v1.IntegrationsService")
                )
                return bool(answer.status == health_pb2.HealthCheckResponse.SERVING)

            await wait_until(serving_now, 5)


async def test_delivered_jobs_are_purged_after_the_retention(make_settings: Any, db: Db) -> None:
    settings = make_settings(retention_days=0.5 / 86400, janitor_interval_seconds=0.1)
    async with serving(settings) as (_, stub):
        job = (await stub.TrackEvent(pb.TrackEventRequest(event="lead_created", idempotency_key="old"))).job
        await delivered(stub, job.job_id)
        await wait_until(lambda: db.count("SELECT count(*) = 0 FROM jobs"), 5)
        assert await db.count("SELECT count(*) FROM attempts") == 0
        assert await db.count("SELECT count(*) FROM local_events") == 1  # the record stays
