"""Bad input: INVALID_ARGUMENT with a google.rpc.BadRequest naming each field, and
nothing accepted into the outbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as pb
from google.protobuf import timestamp_pb2
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from integrations_support import Db, serving

ONE_MB = "x" * (1024 * 1024)


def violations(error: grpc.aio.AioRpcError) -> dict[str, str]:
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    status = rpc_status.from_call(error)  # type: ignore[arg-type]
    assert status is not None
    found: dict[str, str] = {}
    for detail in status.details:
        bad = error_details_pb2.BadRequest()
        if detail.Unpack(bad):
            found.update({v.field: v.description for v in bad.field_violations})
    assert found, "no BadRequest field violations"
    return found


def at(dt: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(dt)
    return stamp


@pytest.fixture
async def stub(make_settings: Any) -> AsyncIterator[Any]:
    async with serving(make_settings(worker_concurrency=0)) as (_, client):
        yield client


async def expect_invalid(call: Any, request: Any) -> dict[str, str]:
    with pytest.raises(grpc.aio.AioRpcError) as error:
        await call(request)
    return violations(error.value)


async def test_lead_without_email_or_phone(stub: Any, db: Db) -> None:
    found = await expect_invalid(
        stub.SyncLead, pb.SyncLeadRequest(lead=types_pb2.Lead(name="Maria"), idempotency_key="k1")
    )
    assert "lead.email" in found and "phone" in found["lead.email"]
    found = await expect_invalid(stub.SyncLead, pb.SyncLeadRequest(idempotency_key="k1"))
    assert "lead" in found
    assert await db.count("SELECT count(*) FROM jobs") == 0


@pytest.mark.parametrize("email", ["maria", "maria@", "@example.com", "maria@example", "ma ria@example.com",
                                   "maria@@example.com", "maria@exa_mple.com", "a" * 250 + "@example.com"])
async def test_lead_with_invalid_email(stub: Any, email: str) -> None:
    found = await expect_invalid(
        stub.SyncLead, pb.SyncLeadRequest(lead=types_pb2.Lead(email=email), idempotency_key="k")
    )
    assert "lead.email" in found


async def test_lead_with_invalid_phone_and_score(stub: Any) -> None:
    found = await expect_invalid(
        stub.SyncLead,
        pb.SyncLeadRequest(lead=types_pb2.Lead(phone="call me maybe", score=101), idempotency_key="k"),
    )
    assert {"lead.phone", "lead.score"} <= set(found)


@pytest.mark.parametrize(
    ("lead", "field"),
    [
        (types_pb2.Lead(email="a@example.com", name=ONE_MB), "lead.name"),
        (types_pb2.Lead(email="a@example.com", company=ONE_MB), "lead.company"),
        (
            types_pb2.Lead(email="a@example.com", qualification=types_pb2.BantQualification(need=ONE_MB)),
            "lead.qualification.need",
        ),
    ],
)
async def test_lead_with_a_1mb_field(stub: Any, db: Db, lead: types_pb2.Lead, field: str) -> None:
    found = await expect_invalid(stub.SyncLead, pb.SyncLeadRequest(lead=lead, idempotency_key="big"))
    assert field in found and "limit" in found[field]
    assert await db.count("SELECT count(*) FROM jobs") == 0


async def test_missing_idempotency_key_everywhere(stub: Any) -> None:
    start = at(datetime.now(UTC) + timedelta(days=1))
    for call, request in (
        (stub.SyncLead, pb.SyncLeadRequest(lead=types_pb2.Lead(email="a@example.com"))),
        (
            stub.SendEmail,
            pb.SendEmailRequest(
                to="a@example.com", template="lead_follow_up",
                variables={"lead_name": "A", "business_name": "B", "summary": "C"},
            ),
        ),
        (stub.BookMeeting, pb.BookMeetingRequest(attendee_email="a@example.com", start_time=start)),
        (stub.TrackEvent, pb.TrackEventRequest(event="lead_created")),
    ):
        found = await expect_invalid(call, request)
        assert found == {"idempotency_key": "is required"}
    found = await expect_invalid(
        stub.TrackEvent, pb.TrackEventRequest(event="lead_created", idempotency_key="k" * 201)
    )
    assert "idempotency_key" in found


async def test_bad_emails_to_send(stub: Any) -> None:
    variables = {"lead_name": "A", "business_name": "B", "summary": "C"}
    found = await expect_invalid(
        stub.SendEmail,
        pb.SendEmailRequest(to="nope", template="no_such_template", language="fr", idempotency_key="k"),
    )
    assert {"to", "template", "language"} <= set(found)
    found = await expect_invalid(
        stub.SendEmail,
        pb.SendEmailRequest(to="a@example.com", template="lead_follow_up", variables={"lead_name": "A"},
                            idempotency_key="k"),
    )
    assert "business_name" in found["variables"] and "summary" in found["variables"]
    found = await expect_invalid(
        stub.SendEmail,
        pb.SendEmailRequest(to="a@example.com", template="lead_follow_up", variables=variables | {"summary": ONE_MB},
                            idempotency_key="k"),
    )
    assert "variables[summary]" in found


async def test_bad_meetings(stub: Any) -> None:
    found = await expect_invalid(stub.BookMeeting, pb.BookMeetingRequest(attendee_email="x", idempotency_key="k"))
    assert {"attendee_email", "start_time"} <= set(found)
    found = await expect_invalid(
        stub.BookMeeting,
        pb.BookMeetingRequest(
            attendee_email="a@example.com", start_time=at(datetime.now(UTC) - timedelta(days=1)),
            duration_minutes=100000, title=ONE_MB, idempotency_key="k",
        ),
    )
    assert {"start_time", "duration_minutes", "title"} <= set(found)
    # A Timestamp protobuf parses but no datetime holds (found by tests/fuzz): was INTERNAL.
    for seconds, nanos in ((1_900_000_000, -536_870_912), (2**40, 0)):
        found = await expect_invalid(
            stub.BookMeeting,
            pb.BookMeetingRequest(
                attendee_email="a@example.com", start_time=timestamp_pb2.Timestamp(seconds=seconds, nanos=nanos),
                idempotency_key="k",
            ),
        )
        assert "not a valid timestamp" in found["start_time"]


async def test_bad_events(stub: Any) -> None:
    found = await expect_invalid(
        stub.TrackEvent,
        pb.TrackEventRequest(event="Lead Created!", properties={"$insert_id": "x", "note": ONE_MB}, idempotency_key="k"),
    )
    assert {"event", "properties[$insert_id]", "properties[note]"} <= set(found)
    found = await expect_invalid(stub.TrackEvent, pb.TrackEventRequest(idempotency_key="k"))
    assert "event" in found


async def test_bad_job_listing_status(stub: Any) -> None:
    found = await expect_invalid(stub.ListJobs, pb.ListJobsRequest(status=42))  # type: ignore[arg-type]
    assert "status" in found
