"""The audit trail in memory_svc: its privileged RPCs leave events with who, what,
on which resource, from where and the outcome; other services' batches are stored
once; admins page through it with filters; the table refuses updates and deletes
except the retention job's, which removes events past the audit period."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import grpc
import psycopg
import pytest
from atende.memory.v1 import audit_service_pb2 as apb
from atende.memory.v1 import audit_service_pb2_grpc as apb_grpc
from atende.memory.v1 import memory_service_pb2 as pb
from google.protobuf import timestamp_pb2
from memory_helpers import Service, close_service, open_service, violations
from test_memory_handoffs import ai_turn, escalate

from memory_svc.settings import Settings

CLAIM = "atende.memory.v1.HandoffService.ClaimConversation"


def _agent(subject: str, address: str = "198.51.100.4:41000") -> tuple[tuple[str, str], ...]:
    return (("x-atende-role", "agent"), ("x-atende-subject", subject), ("x-atende-client-address", address))


ADMIN = (("x-atende-role", "admin"), ("x-atende-subject", "api-key-1"), ("x-atende-client-address", "10.0.0.9:9"))


async def _events(service: Service, **filters: object) -> list[apb.AuditEvent]:
    """The trail as an admin reads it, once memory_svc's own queue has written it."""
    assert service.app.audit is not None and await service.app.audit.flush(5)
    stub = apb_grpc.AuditServiceStub(service.channel)
    page = await stub.ListAuditEvents(apb.ListAuditEventsRequest(page_size=100, **filters), metadata=ADMIN)  # type: ignore[arg-type]
    return [e for e in page.events if e.action != "atende.memory.v1.AuditService.ListAuditEvents"]


def _stamp(when: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(when)
    return stamp


async def test_claims_replies_hand_backs_and_erasure_are_recorded_with_their_outcome(service: Service) -> None:
    await service.memory.AppendMessages(ai_turn("c-audit"))
    await escalate(service, "c-audit")

    await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-audit"),
                                             metadata=_agent("ana"))
    with pytest.raises(grpc.aio.AioRpcError) as taken:
        await service.handoffs.ClaimConversation(pb.ClaimConversationRequest(conversation_id="c-audit"),
                                                 metadata=_agent("bruno", "198.51.100.5:41001"))
    assert taken.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    await service.handoffs.SendHumanMessage(
        pb.SendHumanMessageRequest(conversation_id="c-audit", text="Oi, aqui é a Ana; meu telefone é 555-1234"),
        metadata=_agent("ana"))
    await service.handoffs.ReturnConversation(pb.ReturnConversationRequest(conversation_id="c-audit", agent="support"),
                                              metadata=_agent("ana"))
    # No integrations_svc here: an export is complete or not given, and the refusal is recorded too.
    with pytest.raises(grpc.aio.AioRpcError) as unanswered:
        await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="u1"), metadata=ADMIN)
    assert unanswered.value.code() == grpc.StatusCode.UNAVAILABLE
    await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="u1"), metadata=ADMIN)
    # router_svc's own calls (every turn's work) and the queue listing are not privileged actions.
    await service.handoffs.ListHandoffs(pb.ListHandoffsRequest(), metadata=_agent("ana"))

    events = await _events(service)
    assert [(e.action.rsplit(".", 1)[1], e.actor, e.resource, e.outcome) for e in reversed(events)] == [
        ("ClaimConversation", "ana", "c-audit", "OK"),
        ("ClaimConversation", "bruno", "c-audit", "FAILED_PRECONDITION"),
        ("SendHumanMessage", "ana", "c-audit", "OK"),
        ("ReturnConversation", "ana", "c-audit", "OK"),
        ("ExportSubject", "api-key-1", "u1", "UNAVAILABLE"),
        ("DeleteSubject", "api-key-1", "u1", "OK"),
    ]
    claim = events[-1]
    assert claim.action == CLAIM and claim.actor_role == "agent" and claim.client_address == "198.51.100.4:41000"
    assert claim.event_id and claim.event_time.seconds > 0
    assert events[-2].client_address == "198.51.100.5:41001"
    assert events[2].detail == "agent=support"
    # Ids only: a person's words never reach the trail.
    rows = await service.sql("SELECT actor, resource, detail FROM audit_events")
    assert not any("555-1234" in str(row) or "Ana" in str(row) for row in rows)
    # The erasure's record outlives what it erased.
    assert await service.sql("SELECT count(*) FROM audit_events WHERE resource = 'u1'") == [(2,)]


async def test_filters_and_pages(service: Service) -> None:
    stub = apb_grpc.AuditServiceStub(service.channel)
    base = datetime(2030, 1, 1, tzinfo=UTC)
    events = [
        apb.AuditEvent(event_id=str(uuid.uuid4()), event_time=_stamp(base + timedelta(minutes=i)),
                       actor="ana" if i % 2 else "bruno", actor_role="agent", client_address="1.2.3.4:5",
                       action=CLAIM if i < 4 else "atende.knowledge.v1.KnowledgeService.DeleteDocument",
                       resource=f"c{i % 3}", outcome="OK" if i != 2 else "PERMISSION_DENIED")
        for i in range(7)
    ]
    recorded = await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=events))
    assert recorded.recorded_count == 7
    # A batch sent again (its answer was lost) is stored once.
    again = await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=events[:3]))
    assert again.recorded_count == 0

    def times(found: list[apb.AuditEvent]) -> list[int]:
        return [int((e.event_time.ToDatetime(tzinfo=UTC) - base).total_seconds() // 60) for e in found]

    since = _stamp(base)
    assert times(await _events(service, since=since)) == [6, 5, 4, 3, 2, 1, 0]
    assert times(await _events(service, since=since, actor="ana")) == [5, 3, 1]
    assert times(await _events(service, since=since, resource="c0")) == [6, 3, 0]
    assert times(await _events(service, since=since, action=CLAIM)) == [3, 2, 1, 0]
    assert times(await _events(service, action="atende.knowledge.v1.KnowledgeService.")) == [6, 5, 4]
    assert times(await _events(service, since=since, outcome="PERMISSION_DENIED")) == [2]
    assert times(await _events(service, since=_stamp(base + timedelta(minutes=2)),
                               until=_stamp(base + timedelta(minutes=5)))) == [4, 3, 2]

    seen: list[apb.AuditEvent] = []
    token = ""
    while True:
        page = await stub.ListAuditEvents(apb.ListAuditEventsRequest(page_size=3, page_token=token, since=since),
                                          metadata=ADMIN)
        seen.extend(page.events)
        token = page.next_page_token
        if not token:
            break
    assert times(seen) == [6, 5, 4, 3, 2, 1, 0]
    with pytest.raises(grpc.aio.AioRpcError) as foreign:
        await stub.ListAuditEvents(apb.ListAuditEventsRequest(page_size=3, page_token=token or "x", actor="ana"))
    assert foreign.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.aio.AioRpcError) as backwards:
        await stub.ListAuditEvents(apb.ListAuditEventsRequest(since=_stamp(base), until=_stamp(base)))
    assert "until" in violations(backwards.value)
    # A Timestamp no datetime holds (found by tests/fuzz): was INTERNAL.
    with pytest.raises(grpc.aio.AioRpcError) as beyond:
        await stub.ListAuditEvents(apb.ListAuditEventsRequest(since=timestamp_pb2.Timestamp(seconds=-1, nanos=-5),
                                                              until=timestamp_pb2.Timestamp(seconds=2**60)))
    assert beyond.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {"since", "until"} <= set(violations(beyond.value))


async def test_only_the_mesh_records_events_and_bad_ones_are_refused(service: Service) -> None:
    stub = apb_grpc.AuditServiceStub(service.channel)
    event = apb.AuditEvent(event_id=str(uuid.uuid4()), event_time=_stamp(datetime.now(UTC)), actor_role="admin",
                           action=CLAIM, outcome="OK")
    with pytest.raises(grpc.aio.AioRpcError) as forged:
        await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=[event]), metadata=ADMIN)
    assert forged.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.aio.AioRpcError) as bad:
        await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=[apb.AuditEvent(event_id="x")]))
    assert set(violations(bad.value)) == {"events[0].event_id", "events[0].event_time", "events[0].action",
                                          "events[0].outcome"}
    late = apb.AuditEvent(event_id=str(uuid.uuid4()), event_time=timestamp_pb2.Timestamp(seconds=2**60), action=CLAIM,
                          outcome="OK")
    with pytest.raises(grpc.aio.AioRpcError) as beyond:
        await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=[late]))
    assert "not a valid timestamp" in violations(beyond.value)["events[0].event_time"]
    assert await service.sql("SELECT count(*) FROM audit_events") == [(0,)]


async def test_the_table_is_append_only(service: Service) -> None:
    stub = apb_grpc.AuditServiceStub(service.channel)
    event = apb.AuditEvent(event_id=str(uuid.uuid4()), event_time=_stamp(datetime.now(UTC)), actor_role="admin",
                           action=CLAIM, outcome="OK")
    await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=[event]))
    for statement in ("UPDATE audit_events SET outcome = 'CANCELLED'", "DELETE FROM audit_events",
                      "TRUNCATE audit_events"):
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"):
            await service.sql(statement)
    assert await service.sql("SELECT outcome FROM audit_events") == [("OK",)]


async def test_retention_deletes_events_past_the_audit_period(settings_for: Callable[..., Settings]) -> None:
    service = await open_service(settings_for(audit_retention_days=30, retention_interval_seconds=0.2))
    try:
        stub = apb_grpc.AuditServiceStub(service.channel)
        now = datetime.now(UTC)
        await stub.RecordAuditEvents(apb.RecordAuditEventsRequest(events=[
            apb.AuditEvent(event_id=str(uuid.uuid4()), event_time=_stamp(now - timedelta(days=days)),
                           actor_role="admin", action=CLAIM, resource=f"{days}d", outcome="OK")
            for days in (400, 31, 29, 0)
        ]))
        deadline = time.monotonic() + 10
        while len(await service.sql("SELECT 1 FROM audit_events")) > 2:
            assert time.monotonic() < deadline, "the retention job did not delete old audit events"
            await asyncio.sleep(0.1)
        assert sorted(r[0] for r in await service.sql("SELECT resource FROM audit_events")) == ["0d", "29d"]
        # Conversations are kept for ever here (retention_days=0): only the trail expires.
        assert service.app.retention is not None
        later = await service.app.retention.run_once(now=now + timedelta(days=30))
        assert later.audit_events in (0, 1) and not later.ran
    finally:
        await close_service(service)


async def test_a_service_without_a_database_ships_its_events_here(service: Service, database_url: str) -> None:
    """integrations_svc's dead-letter retries reach the trail through RecordAuditEvents."""
    from atende.integrations.v1 import integrations_service_pb2 as ipb
    from atende.integrations.v1 import integrations_service_pb2_grpc as ipb_grpc

    from atende_runtime.server import start
    from integrations_svc import app as integrations_app
    from integrations_svc.settings import Settings as IntegrationsSettings

    schema = f"{service.settings.db_schema}_int"
    settings = IntegrationsSettings(database_url=database_url, db_schema=schema, port=0, worker_concurrency=0,
                                    memory_addr=f"127.0.0.1:{service.running.port}")
    integrations = await start(settings, lambda server: integrations_app.setup(server, settings))
    try:
        async with grpc.aio.insecure_channel(f"127.0.0.1:{integrations.port}") as channel:
            with pytest.raises(grpc.aio.AioRpcError) as missing:
                await ipb_grpc.IntegrationsServiceStub(channel).RetryJob(
                    ipb.RetryJobRequest(job_id=str(uuid.UUID(int=7))), metadata=(("x-request-id", "ops-retry-1"),))
            assert missing.value.code() == grpc.StatusCode.NOT_FOUND
        deadline = time.monotonic() + 10
        while not (found := await _events(service, resource=str(uuid.UUID(int=7)))):
            assert time.monotonic() < deadline, "the retry's audit event never arrived"
            await asyncio.sleep(0.1)
        [event] = found
        assert event.action == "atende.integrations.v1.IntegrationsService.RetryJob"
        assert (event.actor_role, event.outcome, event.request_id) == ("internal", "NOT_FOUND", "ops-retry-1")
        assert event.client_address.startswith("ipv4:127.0.0.1:")
    finally:
        await integrations.stop(1)
        async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
            await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE".encode())


async def test_an_operators_tool_records_its_own_actions(service: Service) -> None:
    from atende_runtime.audit import operator_event, record_now

    event = operator_event("atende.keys.RevokeKey", "key-7", detail="reason=rotated")
    await record_now(f"127.0.0.1:{service.running.port}", [event])
    [stored] = await _events(service, resource="key-7")
    assert (stored.action, stored.actor_role, stored.detail) == ("atende.keys.RevokeKey", "internal", "reason=rotated")
    assert stored.actor == event.actor and stored.client_address == event.client_address
