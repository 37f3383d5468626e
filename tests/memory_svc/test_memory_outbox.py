"""The transactional outbox: a turn's lead update and actions commit in the append's
one statement, and the relay hands them to a real integrations_svc (in-process,
local adapters) until it accepts them, each exactly once."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import psycopg
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from google.protobuf.timestamp_pb2 import Timestamp
from memory_helpers import Service, close_service, open_service, violations
from memory_outbox_support import (
    CountingIntegrations,
    ManualClock,
    action_turn,
    drop_schema,
    integrations_serving,
    integrations_settings,
    lead,
    make_relay,
    rows,
    send_email,
    sync_lead,
    track_event,
    wait_until,
)

from devstack.embedded import free_port
from memory_svc.integrations_client import GrpcIntegrations
from memory_svc.outbox import JobState
from memory_svc.relay import Relay
from memory_svc.settings import Settings
from memory_svc.store import PostgresStore


@dataclass
class Integrations:
    address: str
    schema: str
    database_url: str

    async def rows(self, query: str, *params: Any) -> list[dict[str, Any]]:
        return await rows(self.database_url, self.schema, query, *params)


@pytest.fixture
async def integrations(database_url: str) -> AsyncIterator[Integrations]:
    """A real integrations_svc with its local adapters, on a schema of its own."""
    schema = "ti_" + uuid.uuid4().hex[:12]
    settings = integrations_settings(database_url, schema, free_port())
    try:
        async with integrations_serving(settings) as running:
            yield Integrations(f"127.0.0.1:{running.port}", schema, database_url)
    finally:
        await drop_schema(database_url, schema)


def _store(service: Service) -> PostgresStore:
    assert service.app.store is not None
    return service.app.store


async def _actions(service: Service) -> list[dict[str, Any]]:
    return await rows(
        service.settings.database_url,
        service.settings.db_schema,
        "SELECT idempotency_key, kind, user_id, conversation_id, payload, lead, status, attempts, next_attempt_at,"
        " last_error, job_id FROM actions ORDER BY seq",
    )


async def _lead_row(service: Service, user_id: str) -> dict[str, Any] | None:
    found = await rows(
        service.settings.database_url, service.settings.db_schema,
        "SELECT crm_status, crm_id, crm_error, version, email, name, score FROM leads WHERE user_id = %s", user_id,
    )
    return found[0] if found else None


@asynccontextmanager
async def _statements_on(schema: str) -> AsyncIterator[list[str]]:
    """Records every statement this process sends to PostgreSQL about `schema`
    meanwhile (the server's health pings name no schema; the live watchers' LISTEN,
    on a connection of their own, is not the request's work)."""
    statements: list[str] = []
    original = psycopg.AsyncCursor.execute

    async def execute(self: psycopg.AsyncCursor[Any], query: Any, *args: Any, **kwargs: Any) -> Any:
        text = query if isinstance(query, str | bytes) else str(query)
        text = text.decode() if isinstance(text, bytes) else text
        if schema in text and not text.startswith("Composed([SQL('LISTEN"):
            statements.append(" ".join(text.split())[:80])
        return await original(self, query, *args, **kwargs)

    psycopg.AsyncCursor.execute = execute  # type: ignore[method-assign, assignment]
    try:
        yield statements
    finally:
        psycopg.AsyncCursor.execute = original  # type: ignore[method-assign]


# The append


async def test_append_commits_messages_lead_and_actions_in_one_statement(service: Service) -> None:
    turn_lead = lead(
        name="Ana Souza", email="ana@example.com", score=70,
        qualification=types_pb2.BantQualification(budget="R$ 20.000", need="kit solar"),
        # Ignored: the CRM state follows the actions, and the ids come from the turn.
        lead_id="00000000-0000-0000-0000-000000000009", crm_status=types_pb2.CRM_STATUS_SYNCED, crm_id="x",
        source="email", conversation_id="elsewhere",
    )
    request = action_turn("o-1", client_message_id="t1", turn_lead=turn_lead, actions=[sync_lead(), send_email()])
    async with _statements_on(service.settings.db_schema) as statements:
        response = await service.memory.AppendMessages(request)
    assert len(statements) == 1, statements  # one statement, one round trip, one transaction
    assert statements[0].startswith("WITH stored AS")

    assert not response.replayed and len(response.messages) == 2
    got = response.lead
    assert (got.user_id, got.name, got.email, got.score) == ("ana", "Ana Souza", "ana@example.com", 70)
    assert (got.qualification.budget, got.qualification.need) == ("R$ 20.000", "kit solar")
    assert (got.crm_status, got.crm_id, got.crm_error) == (types_pb2.CRM_STATUS_PENDING, "", "")
    assert (got.source, got.conversation_id) == ("web", "o-1")  # from the turn, not from the lead
    assert got.lead_id != "00000000-0000-0000-0000-000000000009"

    reply_id = response.messages[-1].message_id
    stored = await _actions(service)
    assert [(a["idempotency_key"], a["kind"], a["status"], a["attempts"]) for a in stored] == [
        (f"{reply_id}:0", "sync_lead", "pending", 0),
        (f"{reply_id}:1", "send_email", "pending", 0),
    ]
    assert all((a["user_id"], a["conversation_id"]) == ("ana", "o-1") for a in stored)
    # The payload is the action exactly as the turn gave it.
    assert types_pb2.AgentAction.FromString(stored[0]["payload"]) == request.actions[0]
    assert types_pb2.AgentAction.FromString(stored[1]["payload"]) == request.actions[1]
    # The sync keeps the lead as committed; the e-mail has no lead.
    snapshot = stored[0]["lead"]
    assert snapshot["lead_id"] == got.lead_id and snapshot["email"] == "ana@example.com"
    assert (snapshot["score"], snapshot["source"], snapshot["budget"]) == (70, "web", "R$ 20.000")
    assert stored[1]["lead"] is None

    row = await _lead_row(service, "ana")
    assert row is not None and (row["crm_status"], row["crm_error"]) == ("pending", "")
    # The Redis copy has it too (the version guards against older copies).
    context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="o-1"))
    assert context.lead == got
    assert await service.leads.GetLead(pb.GetLeadRequest(lead_id=got.lead_id)) == got

    # A later turn with a lead and no sync merges it and leaves the CRM state alone.
    later = await service.memory.AppendMessages(
        action_turn("o-1", client_message_id="t2", turn_lead=lead(phone="+55 11 99999-0000", score=0))
    )
    assert later.lead.phone == "+55 11 99999-0000" and later.lead.score == 70
    assert later.lead.crm_status == types_pb2.CRM_STATUS_PENDING
    assert len(await _actions(service)) == 2
    # A sync without a lead in the turn still creates the person's lead, owed to the CRM.
    bare = await service.memory.AppendMessages(action_turn("o-2", user_id="bia", actions=[sync_lead()]))
    assert (bare.lead.user_id, bare.lead.crm_status, bare.lead.source) == ("bia", types_pb2.CRM_STATUS_PENDING, "web")
    # A turn with neither has no lead in its answer.
    plain = await service.memory.AppendMessages(action_turn("o-3", user_id="caio"))
    assert not plain.HasField("lead") and await _lead_row(service, "caio") is None


async def test_a_replay_or_another_owner_stores_nothing_more(service: Service) -> None:
    first = await service.memory.AppendMessages(
        action_turn("r-1", client_message_id="t1", turn_lead=lead(email="ana@example.com", score=40),
                    actions=[sync_lead(), track_event()])
    )
    before = await _lead_row(service, "ana")

    # The same turn again, even with other content: the first one's messages, nothing written.
    again = await service.memory.AppendMessages(
        action_turn("r-1", client_message_id="t1", turn_lead=lead(name="Outra", score=90),
                    actions=[sync_lead(), send_email(), track_event("other_event")])
    )
    assert again.replayed and [m.message_id for m in again.messages] == [m.message_id for m in first.messages]
    assert not again.HasField("lead")
    assert len(await _actions(service)) == 2
    assert await _lead_row(service, "ana") == before

    # A person takes the conversation: an AI turn is refused, with its lead and actions.
    await service.handoffs.ClaimConversation(
        pb.ClaimConversationRequest(conversation_id="r-1", human_id="op-1", force=True)
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(
            action_turn("r-1", client_message_id="t2", turn_lead=lead(name="Outra", score=90),
                        actions=[sync_lead(), send_email()])
        )
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert len(await _actions(service)) == 2
    assert await _lead_row(service, "ana") == before
    assert await service.sql("SELECT count(*) FROM messages WHERE client_message_id = 't2'") == [(0,)]


async def test_invalid_actions_are_refused_before_anything_is_written(service: Service) -> None:
    start = types_pb2.BookMeetingAction(attendee_email="ana@example.com")
    start.start_time.FromDatetime(datetime(2031, 1, 1, 15, tzinfo=UTC))
    packet = types_pb2.HandoffPacket(reason="asked for a person")
    cases: list[tuple[list[types_pb2.AgentAction], dict[str, str]]] = [
        ([types_pb2.AgentAction(escalate=types_pb2.EscalateAction(packet=packet))], {"actions[0]": "new_owner"}),
        ([sync_lead(), send_email(template="")], {"actions[1].send_email.template": "required"}),
        ([send_email(to="")], {"actions[0].send_email.to": "required"}),
        ([send_email(to="not-an-address")], {"actions[0].send_email.to": "e-mail"}),
        ([types_pb2.AgentAction()], {"actions[0]": "one kind"}),
        ([types_pb2.AgentAction(book_meeting=types_pb2.BookMeetingAction(attendee_email="ana@example.com"))],
         {"actions[0].book_meeting.start_time": "required"}),
        ([types_pb2.AgentAction(book_meeting=types_pb2.BookMeetingAction(start_time=start.start_time))],
         {"actions[0].book_meeting.attendee_email": "required"}),
        # A Timestamp protobuf parses but no datetime holds (found by tests/fuzz): was INTERNAL.
        ([sync_lead(), types_pb2.AgentAction(book_meeting=types_pb2.BookMeetingAction(
            attendee_email="ana@example.com", start_time=Timestamp(seconds=2**40)))],
         {"actions[1].book_meeting.start_time": "not a valid timestamp"}),
        ([track_event(""), track_event("Not Snake")],
         {"actions[0].track_event.event": "required", "actions[1].track_event.event": "snake_case"}),
        ([sync_lead()] * 21, {"actions": "limit"}),
    ]
    for actions, expected in cases:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.memory.AppendMessages(
                action_turn("v-1", turn_lead=lead(email="ana@example.com"), actions=actions)
            )
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT, actions
        found = violations(caught.value)
        for field, words in expected.items():
            assert field in found and words in found[field], (field, found)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(action_turn("v-1", turn_lead=lead(user_id="someone-else")))
    assert "lead.user_id" in violations(caught.value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await service.memory.AppendMessages(action_turn("v-1", turn_lead=lead(email="nope", score=101)))
    assert {"lead.email", "lead.score"} <= set(violations(caught.value))
    for table in ("conversations", "messages", "leads", "actions"):
        assert await service.sql(f"SELECT count(*) FROM {table}") == [(0,)], table
    # The same actions, valid, are stored.
    meeting = types_pb2.AgentAction(book_meeting=start)
    ok = await service.memory.AppendMessages(action_turn("v-1", actions=[meeting, track_event(), send_email()]))
    assert [a["kind"] for a in await _actions(service)] == ["book_meeting", "track_event", "send_email"]
    assert not ok.HasField("lead")


async def test_erasing_a_subject_erases_their_actions(service: Service) -> None:
    for user in ("ana", "bob"):
        await service.memory.AppendMessages(
            action_turn(f"e-{user}", user_id=user, turn_lead=lead(email=f"{user}@example.com"),
                        actions=[sync_lead(), track_event()])
        )
    await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
    # Ana's actions gave way to the one that carries her erasure to integrations_svc.
    assert [(a["user_id"], a["kind"]) for a in await _actions(service)] == [
        ("bob", "sync_lead"), ("bob", "track_event"), ("ana", "erase_subject"),
    ]


# The relay


async def test_relay_rides_out_ten_minutes_of_integrations_downtime(service: Service, database_url: str) -> None:
    response = await service.memory.AppendMessages(
        action_turn("d-1", client_message_id="t1",
                    turn_lead=lead(name="Ana Souza", email="ana@example.com", company="Casa", score=80),
                    actions=[sync_lead(), send_email(), track_event()])
    )
    reply_id = response.messages[-1].message_id
    keys = [f"{reply_id}:{i}" for i in range(3)]
    port = free_port()  # nothing listens there until integrations_svc starts below
    clock = ManualClock()
    counts: Counter[str] = Counter()
    client = CountingIntegrations(f"127.0.0.1:{port}", counts)
    relay = make_relay(_store(service), client, clock, service.app.cache)
    started = clock()
    try:
        # Ten minutes of simulated downtime, jumping from one due time to the next.
        gaps: dict[str, list[float]] = {key: [] for key in keys}
        previous = {key: 0 for key in keys}
        while clock() - started < timedelta(minutes=10):
            await relay.step()
            now = clock()
            stored = await _actions(service)
            for row in stored:
                assert row["status"] == "pending" and row["job_id"] == ""
                assert "UNAVAILABLE" in row["last_error"] or row["attempts"] == 0
                assert row["attempts"] >= previous[row["idempotency_key"]]
                if row["attempts"] > previous[row["idempotency_key"]]:
                    gaps[row["idempotency_key"]].append((row["next_attempt_at"] - now).total_seconds())
                previous[row["idempotency_key"]] = row["attempts"]
            clock.jump_to(min(row["next_attempt_at"] for row in stored))
        assert not counts
        for key in keys:
            delays = gaps[key]
            # Never given up; exponential from about a second, capped at a minute.
            assert 10 <= len(delays) <= 40, delays
            assert delays[0] <= 1.0 and all(d <= 60.0 for d in delays), delays
            assert delays[1] > delays[0] / 2 and max(delays) >= 30.0, delays
        ana = await service.leads.GetLead(pb.GetLeadRequest(lead_id=response.lead.lead_id))
        assert ana.crm_status == types_pb2.CRM_STATUS_PENDING

        # integrations_svc comes up where the relay looks for it.
        schema = "ti_" + uuid.uuid4().hex[:12]
        integrations = Integrations(f"127.0.0.1:{port}", schema, database_url)
        try:
            async with integrations_serving(integrations_settings(database_url, schema, port)):

                async def settled() -> bool:
                    await relay.step()
                    stored = await _actions(service)
                    due = [r["next_attempt_at"] for r in stored if r["status"] in ("pending", "accepted")]
                    if due:
                        clock.jump_to(min(due))
                        return False
                    return True

                await wait_until(settled, within=30, interval=0.05)
                stored = await _actions(service)
                assert [(r["idempotency_key"], r["status"], r["last_error"]) for r in stored] == [
                    (key, "done", "") for key in keys
                ]
                assert counts == Counter(keys)  # each action accepted once
                # A few more passes send nothing again.
                for _ in range(3):
                    clock.advance(120)
                    assert await relay.step() == 0
                assert counts == Counter(keys)

                jobs = await integrations.rows("SELECT idempotency_key, kind, status FROM jobs ORDER BY kind")
                assert sorted(j["idempotency_key"] for j in jobs) == sorted(keys)
                assert {j["job_id"] for j in stored} == {
                    str(j["job_id"]) for j in await integrations.rows("SELECT job_id FROM jobs")
                }

                async def delivered() -> bool:
                    found = await integrations.rows("SELECT count(*) AS n FROM jobs WHERE status = 'delivered'")
                    return bool(found[0]["n"] == 3)

                await wait_until(delivered)
                crm = await integrations.rows("SELECT lead_id, email, name, company, score, updates FROM local_crm_leads")
                assert len(crm) == 1
                assert (crm[0]["email"], crm[0]["name"], crm[0]["company"], crm[0]["score"], crm[0]["updates"]) == (
                    "ana@example.com", "Ana Souza", "Casa", 80, 1
                )
                emails = await integrations.rows("SELECT to_address, template FROM local_emails")
                assert [(e["to_address"], e["template"]) for e in emails] == [("ana@example.com", "lead_follow_up")]
                events = await integrations.rows("SELECT event, distinct_id FROM local_events")
                assert [(e["event"], e["distinct_id"]) for e in events] == [("lead_qualified", "ana")]

            synced = await service.leads.GetLead(pb.GetLeadRequest(lead_id=response.lead.lead_id))
            assert (synced.crm_status, synced.crm_id, synced.crm_error) == (
                types_pb2.CRM_STATUS_SYNCED, str(crm[0]["lead_id"]), ""
            )
        finally:
            await drop_schema(database_url, schema)
    finally:
        await client.close()


async def test_two_relays_deliver_each_action_once(service: Service, integrations: Integrations) -> None:
    keys: list[str] = []
    for i in range(12):
        response = await service.memory.AppendMessages(
            action_turn(f"two-{i}", user_id=f"u{i}", turn_lead=lead(email=f"u{i}@example.com", score=10 + i),
                        actions=[sync_lead(), send_email(to=f"u{i}@example.com"), track_event()])
        )
        keys.extend(f"{response.messages[-1].message_id}:{n}" for n in range(3))
    counts: Counter[str] = Counter()
    clients = [CountingIntegrations(integrations.address, counts) for _ in range(2)]
    clock = ManualClock()
    relays = [make_relay(_store(service), client, clock, service.app.cache, batch_size=5) for client in clients]
    handled: list[int] = [0, 0]
    try:
        async def settled() -> bool:
            done = await asyncio.gather(*(relay.step() for relay in relays))
            for i, n in enumerate(done):
                handled[i] += n
            clock.advance(0.25)  # the follow-ups of accepted lead syncs come due
            stored = await _actions(service)
            return all(r["status"] == "done" for r in stored)

        await wait_until(settled, within=40, interval=0.05)
    finally:
        for client in clients:
            await client.close()
    assert counts == Counter(keys), "an action was accepted more than once"
    assert all(handled), "both relays took part"
    jobs = await integrations.rows("SELECT idempotency_key FROM jobs")
    assert sorted(j["idempotency_key"] for j in jobs) == sorted(keys)
    for i in range(12):
        got = await service.memory.GetContext(pb.GetContextRequest(conversation_id=f"two-{i}"))
        assert got.lead.crm_status == types_pb2.CRM_STATUS_SYNCED and got.lead.crm_id
    crm = await integrations.rows("SELECT email, updates FROM local_crm_leads ORDER BY email")
    assert len(crm) == 12 and all(row["updates"] == 1 for row in crm)


async def test_a_refused_sync_fails_the_lead_unless_a_newer_one_is_owed(
    service: Service, integrations: Integrations
) -> None:
    # Bia never gave a contact: integrations_svc refuses the sync for good.
    await service.memory.AppendMessages(action_turn("f-bia", user_id="bia", turn_lead=lead(name="Bia"),
                                                    actions=[sync_lead()]))
    # Ana's first sync has no contact either, but a newer turn owes one that has.
    await service.memory.AppendMessages(action_turn("f-ana", client_message_id="t1", turn_lead=lead(name="Ana"),
                                                    actions=[sync_lead()]))
    await service.memory.AppendMessages(action_turn("f-ana", client_message_id="t2",
                                                    turn_lead=lead(email="ana@example.com"), actions=[sync_lead()]))
    counts: Counter[str] = Counter()
    client = CountingIntegrations(integrations.address, counts)
    clock = ManualClock()
    relay = make_relay(_store(service), client, clock, service.app.cache)
    try:
        # Ana's newer sync waits while her older one is still owed: syncs go out in order.
        assert await relay.step() == 2
        stored = await _actions(service)
        assert [(r["user_id"], r["status"]) for r in stored] == [("bia", "failed"), ("ana", "failed"), ("ana", "pending")]
        assert all("lead.email" in r["last_error"] for r in stored[:2])
        bia = await _lead_row(service, "bia")
        assert bia is not None and bia["crm_status"] == "failed" and "lead.email" in bia["crm_error"]
        context = await service.memory.GetContext(pb.GetContextRequest(conversation_id="f-bia"))
        assert context.lead.crm_status == types_pb2.CRM_STATUS_FAILED and "lead.email" in context.lead.crm_error
        ana = await _lead_row(service, "ana")
        assert ana is not None and (ana["crm_status"], ana["crm_error"]) == ("pending", "")

        async def ana_synced() -> bool:
            await relay.step()
            clock.advance(0.25)
            row = await _lead_row(service, "ana")
            return row is not None and row["crm_status"] == "synced"

        await wait_until(ana_synced)
    finally:
        await client.close()
    assert len(counts) == 1  # only Ana's newer sync was accepted
    ana = await _lead_row(service, "ana")
    assert ana is not None and ana["crm_error"] == "" and ana["crm_id"]


async def test_an_append_wakes_the_relay_at_once(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> None:
    # A poll interval far beyond the test: only the append's wake-up can deliver in time.
    service = await open_service(settings_for(
        relay_enabled=True, integrations_addr=integrations.address, relay_poll_interval_seconds=120,
    ))
    try:
        started = time.monotonic()
        await service.memory.AppendMessages(action_turn("w-1", actions=[track_event(), send_email()]))

        async def delivered() -> bool:
            return all(r["status"] == "done" for r in await _actions(service))

        await wait_until(delivered, within=10)
        assert time.monotonic() - started < 10
        assert len(await integrations.rows("SELECT job_id FROM jobs")) == 2
    finally:
        await close_service(service)


async def test_a_relay_dying_after_the_call_leaves_nothing_sent_twice(
    service: Service, integrations: Integrations
) -> None:
    response = await service.memory.AppendMessages(
        action_turn("l-1", turn_lead=lead(email="ana@example.com", score=55), actions=[sync_lead(), track_event()])
    )
    clock = ManualClock()
    first = GrpcIntegrations(integrations.address, timeout_seconds=2)
    second = GrpcIntegrations(integrations.address, timeout_seconds=2)
    store = _store(service)
    try:
        # A relay claims the rows, integrations_svc accepts them, and the relay dies
        # before it records anything.
        claimed = await store.claim_actions(clock(), clock() + timedelta(seconds=30), 10)
        assert len(claimed) == 2
        first_jobs = {row.idempotency_key: await first.submit(row) for row in claimed}
        relay = make_relay(store, second, clock, service.app.cache)
        assert await relay.step() == 0  # leased: nobody else takes them meanwhile
        clock.advance(31)
        assert await relay.step() == 2  # the lease ended: sent again, under the same keys
        stored = await _actions(service)
        assert {r["idempotency_key"]: r["job_id"] for r in stored} == first_jobs  # the same jobs
        assert [r["status"] for r in stored] == ["accepted", "done"]
        # The dead relay's late outcome no longer applies.
        assert not await store.update_action(
            claimed[1], status="pending", job_id="", attempted=True, error="late", next_attempt_at=clock()
        )
        assert not (await store.finish_action(
            claimed[0], status="failed", job_id="", attempted=True, error="late", crm_status="failed", crm_error="late"
        ))[0]

        async def synced() -> bool:
            await relay.step()
            clock.advance(0.25)
            got = await service.leads.GetLead(pb.GetLeadRequest(lead_id=response.lead.lead_id))
            return bool(got.crm_status == types_pb2.CRM_STATUS_SYNCED)

        await wait_until(synced)
        assert len(await integrations.rows("SELECT job_id FROM jobs")) == 2
        crm = await integrations.rows("SELECT email, updates FROM local_crm_leads")
        assert [(c["email"], c["updates"]) for c in crm] == [("ana@example.com", 1)]

        # The background loop starts, wakes and stops on request.
        relay.start()
        relay.wake()
        await relay.stop(2)
        await relay.stop(2)  # twice is harmless
    finally:
        await first.close()
        await second.close()


def test_backoff_grows_exponentially_with_jitter_and_a_cap() -> None:
    relay = Relay(
        None,  # type: ignore[arg-type]  # backoff needs no store
        None,  # type: ignore[arg-type]
        None,
        poll_interval_seconds=1, batch_size=1, backoff_base_seconds=1, backoff_max_seconds=60, lease_seconds=30,
    )
    for attempts, cap in ((1, 1), (2, 2), (3, 4), (6, 32), (7, 60), (50, 60), (10_000, 60)):
        delays = [relay.backoff(attempts) for _ in range(200)]
        assert all(cap / 2 <= d <= cap for d in delays), (attempts, min(delays), max(delays))
        assert len(set(delays)) > 1  # jittered


def test_a_queued_job_is_followed_no_sooner_than_integrations_retries_it() -> None:
    clock = ManualClock()
    relay = Relay(
        None,  # type: ignore[arg-type]  # the delay needs no store
        None,  # type: ignore[arg-type]
        None,
        poll_interval_seconds=1, batch_size=1, backoff_base_seconds=1, backoff_max_seconds=60, lease_seconds=30,
        clock=clock,
    )
    now = clock()
    for next_attempt, delay in (
        (None, 1.0), (now - timedelta(seconds=5), 1.0), (now + timedelta(seconds=10), 10.0),
        (now + timedelta(hours=1), 60.0),
    ):
        got = relay._follow_up_delay(JobState("queued", next_attempt_time=next_attempt))
        assert got == pytest.approx(delay, abs=0.05), (next_attempt, got)
