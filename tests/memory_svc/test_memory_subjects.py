"""LGPD: export everything about a person from every store; erase it everywhere,
with a receipt that lists each store and how it fared, kept up to date as the
outbox carries the erasure to integrations_svc and the vendors (the loopback fakes
of HubSpot and Mixpanel), through an outage of integrations_svc or Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.memory.v1 import memory_service_pb2 as pb
from google.protobuf import json_format
from integrations_vendors import FakeHubSpot, FakeMixpanel
from memory_helpers import Service, close_service, open_service, turn, violations
from memory_outbox_support import (
    Integrations,
    action_turn,
    lead,
    running,
    send_email,
    sync_lead,
    track_event,
    wait_until,
)

from devstack.embedded import EmbeddedRedis
from memory_svc.settings import Settings

DONE, PENDING = types_pb2.ERASURE_OUTCOME_DONE, types_pb2.ERASURE_OUTCOME_PENDING
FAILED, NOT_CONFIGURED = types_pb2.ERASURE_OUTCOME_FAILED, types_pb2.ERASURE_OUTCOME_NOT_CONFIGURED
# The relay, fast: an outage is retried every few tenths of a second.
FAST_RELAY: dict[str, Any] = {
    "relay_enabled": True,
    "relay_poll_interval_seconds": 0.1,
    "relay_backoff_base_seconds": 0.1,
    "relay_backoff_max_seconds": 0.5,
    "relay_call_timeout_seconds": 1.0,
    "relay_lease_seconds": 3.0,
}


@pytest.fixture
async def vendors() -> AsyncIterator[tuple[FakeHubSpot, FakeMixpanel]]:
    hubspot, mixpanel = FakeHubSpot(), FakeMixpanel()
    await hubspot.start()
    await mixpanel.start()
    yield hubspot, mixpanel
    await hubspot.close()
    await mixpanel.close()


def vendor_settings(hubspot: FakeHubSpot, mixpanel: FakeMixpanel) -> dict[str, Any]:
    return {
        "crm_adapter": "hubspot", "hubspot_base_url": hubspot.server.url, "hubspot_access_token": hubspot.token,
        "analytics_adapter": "mixpanel", "mixpanel_base_url": mixpanel.server.url,
        "mixpanel_api_secret": mixpanel.api_secret, "mixpanel_project_token": mixpanel.project_token,
        "mixpanel_gdpr_base_url": mixpanel.gdpr_url, "mixpanel_gdpr_token": mixpanel.gdpr_token,
    }


@asynccontextmanager
async def memory(settings_for: Callable[..., Settings], integrations: Integrations, **overrides: Any
                 ) -> AsyncIterator[Service]:
    service = await open_service(settings_for(integrations_addr=integrations.address, **overrides))
    try:
        yield service
    finally:
        await close_service(service)


async def _populate(service: Service, user_id: str, conversations: int) -> None:
    for c in range(conversations):
        cid = f"{user_id}-c{c}"
        for i in range(3):
            await service.memory.AppendMessages(
                turn(cid, [("user", f"{user_id} pergunta {i}"), ("assistant", f"resposta {i}")], user_id=user_id,
                     client_message_id=f"k{i}")
            )
        await service.memory.RecordInteraction(
            pb.RecordInteractionRequest(
                interaction=pb.Interaction(conversation_id=cid, user_id=user_id, user_input="q", agent_response="a")
            )
        )
        await service.memory.GetContext(pb.GetContextRequest(conversation_id=cid))
    await service.leads.UpsertLead(
        pb.UpsertLeadRequest(lead=types_pb2.Lead(user_id=user_id, name=user_id.title(), score=50))
    )


async def _consent_turn(service: Service, user_id: str) -> None:
    """The turn where the person consents: their lead goes to the CRM, an event to
    analytics, an e-mail to them."""
    email = f"{user_id}@example.com"
    await service.memory.AppendMessages(action_turn(
        f"{user_id}-deal", user_id=user_id, client_message_id="consent",
        turn_lead=lead(name=f"{user_id.title()} Souza", email=email, score=70),
        actions=[sync_lead("chat"), track_event("lead_qualified"), send_email(to=email)],
    ))


async def _delivered(service: Service, user_id: str) -> None:
    async def done() -> bool:
        found = await service.sql("SELECT status FROM actions WHERE user_id = %s", user_id)
        return bool(found) and all(status == "done" for (status,) in found)

    await wait_until(done, 30)


def _steps(erasure: pb.Erasure) -> dict[str, tuple[int, str]]:
    return {step.store: (step.outcome, step.detail) for step in erasure.steps}


async def _receipt(service: Service, user_id: str, erasure_id: str, state: int = DONE) -> pb.Erasure:
    request = pb.GetErasureRequest(user_id=user_id, erasure_id=erasure_id)
    receipt = pb.Erasure()

    async def reached() -> bool:
        nonlocal receipt
        receipt = await service.subjects.GetErasure(request)
        return receipt.state == state

    await wait_until(reached, 30, 0.1)
    return receipt


async def test_export_lists_every_store(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> None:
    async with running(integrations), memory(settings_for, integrations, **FAST_RELAY) as service:
        await _populate(service, "ana", 2)
        await _populate(service, "bob", 1)
        await _consent_turn(service, "ana")
        await _consent_turn(service, "bob")
        await _delivered(service, "ana")

        export = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
        assert export.user_id == "ana" and export.export_time.seconds > 0
        assert sorted(c.conversation_id for c in export.conversations) == ["ana-c0", "ana-c1", "ana-deal"]
        for conversation in export.conversations:
            full = await service.memory.GetConversation(
                pb.GetConversationRequest(conversation_id=conversation.conversation_id)
            )
            assert conversation == full.conversation  # every message, every field
        assert [(lead.name, lead.email) for lead in export.leads] == [("Ana Souza", "ana@example.com")]
        assert len(export.interactions) == 2 and {i.user_id for i in export.interactions} == {"ana"}
        # The outbox: what was sent where, and the consent it was sent on.
        assert [a.action.WhichOneof("action") for a in export.actions] == ["sync_lead", "track_event", "send_email"]
        assert export.actions[0].action.sync_lead.consent_source == "chat"
        assert {a.status for a in export.actions} == {"done"}
        # integrations_svc: the jobs with their payloads, and the local adapters' rows.
        stores = sorted(r.store for r in export.integration_records)
        assert stores == ["integrations_jobs"] * 3 + ["local_crm_leads", "local_emails", "local_events"]
        as_json = [json_format.MessageToDict(r.data) for r in export.integration_records]
        assert not [r for r in as_json if "bob" in str(r)]
        assert any(r.get("payload", {}).get("email") == "ana@example.com" for r in as_json)
        assert not export.erasures

        nobody = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="nobody"))
        assert not nobody.conversations and not nobody.leads and not nobody.integration_records

    # An export is complete or not given: without integrations_svc, UNAVAILABLE.
    async with memory(settings_for, integrations) as service:
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
        assert caught.value.code() == grpc.StatusCode.UNAVAILABLE


async def test_erase_leaves_no_row_and_no_key_and_returns_a_receipt(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> None:
    # The relay is off: what integrations_svc owes waits in the outbox.
    async with running(integrations), memory(settings_for, integrations) as service:
        await _populate(service, "ana", 2)
        await _populate(service, "bob", 1)
        await _consent_turn(service, "ana")
        # An interaction filed under another id for one of Ana's conversations goes too.
        await service.memory.RecordInteraction(
            pb.RecordInteractionRequest(
                interaction=pb.Interaction(conversation_id="ana-c0", user_id="anonymous", user_input="q")
            )
        )
        prefix = service.settings.redis_prefix.encode()
        assert any(b"ana" in key for key in await service.keys())

        erased = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
        assert (erased.conversations_deleted, erased.messages_deleted) == (3, 14)
        assert (erased.leads_deleted, erased.interactions_deleted) == (1, 3)
        receipt = erased.erasure
        assert receipt.erasure_id == erased.erasure_id and receipt.user_id == "ana"
        assert receipt.state == PENDING and receipt.create_time.seconds > 0
        assert [s.store for s in receipt.steps] == [
            "memory_postgres", "redis", "integrations_jobs", "local_adapter", "crm", "analytics",
        ]
        steps = _steps(receipt)
        assert steps["memory_postgres"] == (DONE, "deleted 3 conversation(s) with 14 message(s) and their hand-off"
                                                  " packets, 1 lead(s), 3 interaction(s), 3 outbox action(s)")
        assert steps["redis"][0] == DONE and steps["redis"][1].startswith("deleted ")
        assert {steps[s][0] for s in ("integrations_jobs", "local_adapter", "crm", "analytics")} == {PENDING}
        assert await service.subjects.GetErasure(
            pb.GetErasureRequest(user_id="ana", erasure_id=erased.erasure_id)) == receipt

        for table in ("conversations", "leads", "interactions"):
            assert await service.sql(f"SELECT count(*) FROM {table} WHERE user_id = 'ana'") == [(0,)]
        assert await service.sql("SELECT count(*) FROM messages WHERE conversation_id LIKE 'ana-%%'") == [(0,)]
        assert await service.sql("SELECT count(*) FROM interactions WHERE conversation_id LIKE 'ana-%%'") == [(0,)]
        # What is owed to integrations_svc: the erasure, with the e-mail it needs.
        (owed,) = await service.sql("SELECT kind, status, subject, payload FROM actions WHERE user_id = 'ana'")
        assert owed[:3] == ("erase_subject", "pending", {"emails": ["ana@example.com"], "phones": []})
        assert not [key for key in await service.keys() if b"ana" in key]
        # Bob is untouched, in PostgreSQL and in Redis.
        assert await service.sql("SELECT count(*) FROM messages WHERE conversation_id = 'bob-c0'") == [(6,)]
        assert prefix + b"c2:bob-c0:m" in await service.keys()

        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.memory.GetConversation(pb.GetConversationRequest(conversation_id="ana-c0"))
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert not (await service.memory.GetContext(pb.GetContextRequest(conversation_id="ana-c0"))).found
        # The delayed second sweep finds nothing to bring back either.
        await asyncio.sleep(1.2)
        assert not [key for key in await service.keys() if b"ana" in key]

        # Again: nothing left to erase, a new receipt; both stay readable.
        again = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
        assert again.erasure_id != erased.erasure_id and again.conversations_deleted == again.leads_deleted == 0
        assert _steps(again.erasure)["memory_postgres"][1].startswith("deleted 0 conversation(s)")
        export = await service.subjects.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
        assert not export.conversations and not export.leads and not export.interactions and not export.actions
        assert [e.erasure_id for e in export.erasures] == [erased.erasure_id, again.erasure_id]
        # The first erasure's outbox row is still owed; a second erasure leaves it be.
        assert await service.sql("SELECT count(*) FROM actions WHERE kind = 'erase_subject'") == [(2,)]

        for user_id, erasure_id in (("bob", erased.erasure_id), ("ana", "not-an-id"), ("ana", str(uuid.uuid4()))):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await service.subjects.GetErasure(pb.GetErasureRequest(user_id=user_id, erasure_id=erasure_id))
            assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.subjects.GetErasure(pb.GetErasureRequest(user_id="ana"))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "erasure_id" in violations(caught.value)
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id=""))
        assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert "user_id" in violations(caught.value)


async def test_the_outbox_completes_the_erasure_in_integrations_svc(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> None:
    async with running(integrations), memory(settings_for, integrations, **FAST_RELAY) as service:
        await _populate(service, "ana", 1)
        await _consent_turn(service, "ana")
        await _consent_turn(service, "bob")
        await _delivered(service, "ana")
        erased = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))

        receipt = await _receipt(service, "ana", erased.erasure_id)
        steps = _steps(receipt)
        assert steps["integrations_jobs"] == (DONE, "3 job(s) emptied of the person's data, 0 of them cancelled"
                                                    " before delivery")
        assert steps["local_adapter"] == (DONE, "rows deleted: 1 crm_leads, 1 emails, 0 meetings, 1 events")
        assert steps["crm"][0] == NOT_CONFIGURED and steps["analytics"][0] == NOT_CONFIGURED
        assert receipt.update_time.ToDatetime() >= receipt.create_time.ToDatetime()

        # Nothing of Ana's in integrations_svc; Bob's all there.
        assert not await integrations.rows("SELECT 1 FROM jobs WHERE payload::text LIKE '%%ana%%'")
        for table in ("local_crm_leads", "local_emails", "local_events"):
            assert len(await integrations.rows(f"SELECT 1 FROM {table}")) == 1, table
        # Nor in memory_svc, but for the receipt: the finished outbox row forgot her.
        (row,) = await service.sql("SELECT user_id, subject, status FROM actions WHERE kind = 'erase_subject'")
        assert row == ("", None, "done")
        assert await service.sql("SELECT count(*) FROM actions WHERE user_id = 'ana'") == [(0,)]
        assert await service.sql("SELECT user_id FROM erasures") == [("ana",)]


async def test_vendor_deletions_survive_an_integrations_outage(
    settings_for: Callable[..., Settings], integrations: Integrations, vendors: tuple[FakeHubSpot, FakeMixpanel]
) -> None:
    hubspot, mixpanel = vendors
    with_vendors = vendor_settings(hubspot, mixpanel)
    async with memory(settings_for, integrations, **FAST_RELAY) as service:
        async with running(integrations, **with_vendors):
            await _consent_turn(service, "ana")
            await _consent_turn(service, "bob")
            await _delivered(service, "ana")
            assert sorted(hubspot.emails()) == ["ana@example.com", "bob@example.com"]
            assert {key[1] for key in mixpanel.events} == {"ana", "bob"}

        # integrations_svc is down: memory_svc erases its own stores at once, and owes the rest.
        erased = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
        assert erased.erasure.state == PENDING

        async def retried() -> bool:
            attempts = await service.sql("SELECT attempts FROM actions WHERE kind = 'erase_subject'")
            return attempts[0][0] >= 2

        await wait_until(retried, 20)
        waiting = await service.subjects.GetErasure(pb.GetErasureRequest(user_id="ana", erasure_id=erased.erasure_id))
        steps = _steps(waiting)
        assert steps["memory_postgres"][0] == DONE and steps["redis"][0] == DONE
        assert steps["crm"][0] == PENDING and "integrations_svc unreachable" in steps["crm"][1]
        assert "ana@example.com" in hubspot.emails()

        # Back: the relay hands the erasure over, integrations_svc deletes her at each vendor.
        async with running(integrations, **with_vendors):
            receipt = await _receipt(service, "ana", erased.erasure_id)
        steps = _steps(receipt)
        assert list(steps) == ["memory_postgres", "redis", "integrations_jobs", "local_adapter", "crm:hubspot",
                               "analytics:mixpanel"]
        assert steps["crm:hubspot"][0] == DONE and "1 contact(s) permanently deleted" in steps["crm:hubspot"][1]
        assert steps["analytics:mixpanel"] == (DONE, f"mixpanel deletion task {mixpanel.deletions[0]['task_id']}")
        assert all(step.job_id for step in receipt.steps[4:])
        assert hubspot.emails() == ["bob@example.com"] and hubspot.gdpr_deleted
        assert [d["distinct_ids"] for d in mixpanel.deletions] == [["ana"]]
        assert not await integrations.rows(
            "SELECT 1 FROM jobs WHERE payload::text LIKE '%%ana%%'"
        ), "the delivered deletions keep no identifier either"


async def test_redis_away_at_the_erase_is_swept_when_it_returns(
    settings_for: Callable[..., Settings], integrations: Integrations, own_redis: EmbeddedRedis
) -> None:
    # integrations_svc is not running: only the Redis step can complete here.
    async with memory(settings_for, integrations, redis_url=f"redis://127.0.0.1:{own_redis.port}/0",
                      **FAST_RELAY) as service:
        await _populate(service, "ana", 1)
        assert any(b"ana" in key for key in await service.keys())
        await service.redis.save()  # a Redis with persistence: the restarted one has Ana's keys
        own_redis.stop()
        erased = await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
        assert _steps(erased.erasure)["redis"][0] == PENDING
        (keys,) = await service.sql("SELECT cache_keys FROM actions WHERE kind = 'erase_subject'")
        assert keys[0] and all(key.startswith(service.settings.redis_prefix) for key in keys[0])

        own_redis.start()
        receipt = erased.erasure

        async def swept() -> bool:
            nonlocal receipt
            receipt = await service.subjects.GetErasure(
                pb.GetErasureRequest(user_id="ana", erasure_id=erased.erasure_id))
            return _steps(receipt)["redis"][0] == DONE

        await wait_until(swept, 20)
        assert not [key for key in await service.keys() if b"ana" in key]
        assert await service.sql("SELECT cache_keys FROM actions WHERE kind = 'erase_subject'") == [([],)]
        assert _steps(receipt)["crm"][0] == PENDING  # integrations_svc still owes its part


async def test_the_erasure_waits_for_a_call_in_flight_about_the_person(
    settings_for: Callable[..., Settings], integrations: Integrations
) -> None:
    """A relay is handing Ana's lead sync to integrations_svc at the moment of the
    erasure (the row is leased): the erasure becomes due only when that lease ends,
    so the sync cannot reach integrations_svc after the erasure did."""
    async with memory(settings_for, integrations) as service:
        await _consent_turn(service, "ana")
        await service.sql(
            "UPDATE actions SET lease_token = gen_random_uuid(), next_attempt_at = now() + interval '30 seconds'"
            " WHERE kind = 'sync_lead'"
        )
        (lease_end,) = await service.sql("SELECT next_attempt_at FROM actions WHERE kind = 'sync_lead'")
        await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="ana"))
        assert await service.sql("SELECT next_attempt_at FROM actions WHERE kind = 'erase_subject'") == [lease_end]

        # Nothing in flight: due at once.
        await _consent_turn(service, "bob")
        await service.subjects.DeleteSubject(pb.DeleteSubjectRequest(user_id="bob"))
        (due,) = await service.sql("SELECT next_attempt_at FROM actions WHERE kind = 'erase_subject' AND user_id = 'bob'")
        assert due[0].year == 1970
