"""LGPD in integrations_svc: the vendor deletions against fakes that speak each
vendor's wire format (HubSpot's GDPR delete, Salesforce's sObject DELETE,
Mixpanel's GDPR API), and EraseSubject / ExportSubject on the real service: job
payloads emptied, queued jobs cancelled, local adapter rows deleted, one deletion
job per vendor, idempotent by erasure id."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from atende.common.v1 import types_pb2
from atende.integrations.v1 import integrations_service_pb2 as pb
from google.protobuf import json_format
from integrations_support import Db, serving, wait_until
from integrations_vendors import FakeHubSpot, FakeMixpanel, FakeSalesforce
from pydantic import SecretStr
from test_integrations_validation import violations

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.http import OAuthToken, VendorHttp
from integrations_svc.adapters.hubspot import HubSpotCrm
from integrations_svc.adapters.mixpanel import MixpanelAnalytics
from integrations_svc.adapters.salesforce import SalesforceCrm
from integrations_svc.domain import DeliveryContext, EventData, LeadData, SubjectKeys

DONE, PENDING = types_pb2.ERASURE_OUTCOME_DONE, types_pb2.ERASURE_OUTCOME_PENDING
FAILED, NOT_CONFIGURED = types_pb2.ERASURE_OUTCOME_FAILED, types_pb2.ERASURE_OUTCOME_NOT_CONFIGURED
ANA = SubjectKeys("ana", emails=("ana@example.com",), phones=("+55 11 91234-5678",))


def ctx(key: str = "erase:e1:crm:x") -> DeliveryContext:
    return DeliveryContext(job_id="0b9d7f0e-5f55-4d8e-a7a4-5c1f7e0c0a11", idempotency_key=key, attempt=1)


# The adapters


async def test_hubspot_erase_gdpr_deletes_the_contact_and_archives_its_deal() -> None:
    fake = FakeHubSpot()
    url = await fake.start()
    adapter = HubSpotCrm(VendorHttp("hubspot", url, 0.5), fake.token, deal_min_score=60)
    try:
        ana = await adapter.upsert_lead(LeadData(email="ana@example.com", name="Ana Souza", score=80), ctx("s1"))
        bob = await adapter.upsert_lead(LeadData(email="bob@example.com", name="Bob", score=80), ctx("s2"))
        (ana_deal,) = [i for i, d in fake.deals.items() if d["dealname"] == "atende lead: ana@example.com"]
        before = len(fake.requests)

        done = await adapter.erase_contact(ANA, ctx())
        assert fake.gdpr_deleted == [ana] and fake.archived_deals == [ana_deal]
        assert list(fake.contacts) == [bob] and len(fake.deals) == 1
        assert "1 contact(s) permanently deleted" in done and "1 deal(s) archived" in done
        gdpr = [r for r in fake.requests[before:] if r.path == "/crm/v3/objects/contacts/gdpr-delete"]
        assert len(gdpr) == 1 and gdpr[0].method == "POST" and gdpr[0].json() == {"objectId": ana}
        assert gdpr[0].headers["authorization"] == f"Bearer {fake.token}"
        assert any(r.method == "DELETE" and r.path == f"/crm/v3/objects/deals/{ana_deal}" for r in fake.requests)
        # Deleted by id, never by an e-mail: nothing was blocklisted.
        assert not fake.blocklist

        # A retry (the first answer lost) finds nothing left, and that is a success.
        assert await adapter.erase_contact(ANA, ctx()) == "hubspot: no contact or deal of this person"
    finally:
        await adapter.aclose()
        await fake.close()


async def test_salesforce_erase_deletes_leads_converted_or_not_and_contacts() -> None:
    fake = FakeSalesforce()
    url = await fake.start()
    http = VendorHttp("salesforce", url, 0.5)
    token = OAuthToken(http, f"{url}/services/oauth2/token", access_token=SecretStr(fake.token))
    adapter = SalesforceCrm(http, token, instance_url=url)
    try:
        lead_id = await adapter.upsert_lead(LeadData(email="ana@example.com", name="Ana Souza"), ctx("s1"))
        fake.leads["00Q5g0000000000099"] = {"Email": "other@example.com", "Phone": "+55 11 91234-5678",
                                            "IsConverted": True}
        fake.contacts["0035g0000000000001"] = {"Email": "ana@example.com", "LastName": "Souza"}
        bob = await adapter.upsert_lead(LeadData(email="bob@example.com", name="Bob"), ctx("s2"))

        done = await adapter.erase_contact(ANA, ctx())
        assert sorted(fake.deleted) == sorted([
            ("Contact", "0035g0000000000001"), ("Lead", "00Q5g0000000000099"), ("Lead", lead_id),
        ])
        assert list(fake.leads) == [bob] and not fake.contacts
        assert done.startswith("salesforce: deleted ") and lead_id in done
        deletes = [r for r in fake.requests if r.method == "DELETE"]
        assert {r.path for r in deletes} == {
            f"{fake.api}/sobjects/Lead/{lead_id}", f"{fake.api}/sobjects/Lead/00Q5g0000000000099",
            f"{fake.api}/sobjects/Contact/0035g0000000000001",
        }
        assert all(r.headers["authorization"] == f"Bearer {fake.token}" for r in deletes)
        assert await adapter.erase_contact(ANA, ctx()) == "salesforce: no Lead or Contact of this person"
    finally:
        await adapter.aclose()
        await fake.close()


async def test_mixpanel_erase_creates_a_gdpr_deletion_task() -> None:
    fake = FakeMixpanel()
    url = await fake.start()
    adapter = MixpanelAnalytics(
        VendorHttp("mixpanel", url, 0.5), basic_auth=(fake.api_secret, ""), project_token=fake.project_token,
        gdpr_http=VendorHttp("mixpanel", fake.gdpr_url, 0.5), gdpr_token=fake.gdpr_token,
    )
    no_gdpr = MixpanelAnalytics(VendorHttp("mixpanel", url, 0.5), basic_auth=(fake.api_secret, ""))
    try:
        await adapter.track(EventData("lead_created", "ana", {"plan": "solar"}, 1_700_000_000_000), ctx("t1"))
        await adapter.track(EventData("lead_created", "bob", {}, 1_700_000_000_000), ctx("t2"))

        done = await adapter.erase_profile(SubjectKeys("ana"), ctx())
        (task,) = fake.deletions
        assert done == f"mixpanel deletion task {task['task_id']}"
        assert task["distinct_ids"] == ["ana"] and task["compliance_type"] == "GDPR"
        request = fake.requests[-1]
        assert request.method == "POST" and request.path == "/api/app/data-deletions/v3.0/"
        assert request.param("token") == fake.project_token
        assert request.headers["authorization"] == f"Bearer {fake.gdpr_token}"
        assert {key[1] for key in fake.events} == {"bob"}

        with pytest.raises(PermanentError) as unconfigured:
            await no_gdpr.erase_profile(SubjectKeys("ana"), ctx())
        assert "INTEGRATIONS_MIXPANEL_GDPR_TOKEN" in str(unconfigured.value)
    finally:
        await adapter.aclose()
        await no_gdpr.aclose()
        await fake.close()


# The service


@pytest.fixture
async def vendors() -> AsyncIterator[tuple[FakeHubSpot, FakeMixpanel]]:
    hubspot, mixpanel = FakeHubSpot(), FakeMixpanel()
    await hubspot.start()
    await mixpanel.start()
    yield hubspot, mixpanel
    await hubspot.close()
    await mixpanel.close()


def vendor_settings(make_settings: Any, hubspot: FakeHubSpot, mixpanel: FakeMixpanel, **overrides: Any) -> Any:
    return make_settings(
        crm_adapter="hubspot", hubspot_base_url=hubspot.server.url, hubspot_access_token=hubspot.token,
        analytics_adapter="mixpanel", mixpanel_base_url=mixpanel.server.url, mixpanel_api_secret=mixpanel.api_secret,
        mixpanel_project_token=mixpanel.project_token, mixpanel_gdpr_base_url=mixpanel.gdpr_url,
        mixpanel_gdpr_token=mixpanel.gdpr_token, **overrides,
    )


async def _person(stub: Any, user: str, email: str, key: str) -> None:
    """One of every operation about a person: the CRM, an e-mail, a meeting, an event."""
    await stub.SyncLead(pb.SyncLeadRequest(
        lead=types_pb2.Lead(user_id=user, email=email, name=f"{user.title()} Souza", score=80),
        idempotency_key=f"{key}:lead"))
    await stub.SendEmail(pb.SendEmailRequest(
        to=email, template="lead_follow_up", language="pt", idempotency_key=f"{key}:email",
        variables={"business_name": "Solar", "lead_name": user.title(), "summary": "kit solar"}))
    # A slot of its own per person, the same in every run: hash(key) changed with each
    # process's hash seed, and one run in 48 put both people in one slot, the second
    # meeting refused as busy (a dead job, and the test waiting for 8 deliveries failed).
    start = datetime.now(UTC).replace(microsecond=0) + timedelta(days=1, hours=3 * (ord(key[0]) % 16))
    meeting = pb.BookMeetingRequest(attendee_email=email, attendee_name=user.title(), title="Visita",
                                    idempotency_key=f"{key}:meeting")
    meeting.start_time.FromDatetime(start)
    await stub.BookMeeting(meeting)
    await stub.TrackEvent(pb.TrackEventRequest(event="lead_created", distinct_id=user, idempotency_key=f"{key}:event"))


def _steps(response: Any) -> dict[str, tuple[int, str]]:
    return {step.store: (step.outcome, step.detail) for step in response.steps}


async def _settled(stub: Any, erasure_id: str, user: str) -> dict[str, tuple[int, str]]:
    request = pb.EraseSubjectRequest(erasure_id=erasure_id, user_id=user)
    steps: dict[str, tuple[int, str]] = {}

    async def done() -> bool:
        nonlocal steps
        steps = _steps(await stub.EraseSubject(request))
        return all(outcome != PENDING for outcome, _ in steps.values())

    await wait_until(done, 20, 0.1)
    return steps


async def test_erase_empties_jobs_deletes_local_rows_and_deletes_at_each_vendor(
    make_settings: Any, vendors: tuple[FakeHubSpot, FakeMixpanel], db: Db
) -> None:
    hubspot, mixpanel = vendors
    async with serving(vendor_settings(make_settings, hubspot, mixpanel)) as (_, stub):
        await _person(stub, "ana", "ana@example.com", "a")
        await _person(stub, "bob", "bob@example.com", "b")
        await wait_until(lambda: db.count("SELECT count(*) FROM jobs WHERE status = 'delivered'"), 15)
        await wait_until(lambda: _all_delivered(db), 15)
        assert sorted(hubspot.emails()) == ["ana@example.com", "bob@example.com"]
        before = await stub.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))
        assert sorted(r.store for r in before.records) == [
            "integrations_jobs"] * 4 + ["local_emails", "local_meetings"]
        lead_job = next(r for r in before.records if r.data["kind"] == "sync_lead")
        assert json_format.MessageToDict(lead_job.data)["payload"]["email"] == "ana@example.com"

        # Asked with the user id alone: the e-mail comes from the jobs about her.
        first = await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-1", user_id="ana"))
        steps = _steps(first)
        assert list(steps) == ["integrations_jobs", "local_adapter", "crm:hubspot", "analytics:mixpanel"]
        assert steps["integrations_jobs"] == (DONE, "4 job(s) emptied of the person's data, 0 of them cancelled"
                                                     " before delivery")
        assert steps["local_adapter"] == (DONE, "rows deleted: 0 crm_leads, 1 emails, 1 meetings, 0 events")
        assert all(step.job_id for step in first.steps[2:])

        settled = await _settled(stub, "e-1", "ana")
        assert settled["crm:hubspot"][0] == DONE and "1 contact(s) permanently deleted" in settled["crm:hubspot"][1]
        assert settled["analytics:mixpanel"] == (DONE, f"mixpanel deletion task {mixpanel.deletions[0]['task_id']}")
        assert hubspot.emails() == ["bob@example.com"] and [d["distinct_ids"] for d in mixpanel.deletions] == [["ana"]]

        # What is left in the tables: nothing of Ana's, all of Bob's.
        rows = await db.rows("SELECT kind, payload, erased_at FROM jobs WHERE idempotency_key LIKE 'a:%%'")
        assert len(rows) == 4 and all(r["payload"] == {} and r["erased_at"] is not None for r in rows)
        assert await db.count("SELECT count(*) FROM jobs WHERE idempotency_key LIKE 'b:%%' AND payload <> '{}'") == 4
        assert await db.count("SELECT count(*) FROM jobs WHERE payload::text LIKE '%%ana%%'") == 0
        assert await db.count("SELECT count(*) FROM local_emails WHERE to_address = 'ana@example.com'") == 0
        assert await db.count("SELECT count(*) FROM local_meetings") == 1
        # The delivered deletions keep the person's identifiers no longer.
        assert await db.count("SELECT count(*) FROM jobs WHERE kind LIKE 'erase_%%' AND payload = '{}'") == 2

        # The same erasure again erases nothing more and queues nothing more.
        again = await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-1", user_id="ana"))
        assert _steps(again) == settled
        assert await db.count("SELECT count(*) FROM jobs WHERE kind LIKE 'erase_%%'") == 2
        assert not (await stub.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))).records
        bob = await stub.ExportSubject(pb.ExportSubjectRequest(user_id="bob"))
        assert len(bob.records) == 6

        erased_job = before.records[0].record_id
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.RetryJob(pb.RetryJobRequest(job_id=erased_job))
        assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION


async def _all_delivered(db: Db) -> bool:
    return await db.statuses() == {"delivered": 8}


async def test_a_queued_sync_is_cancelled_and_never_reaches_the_crm_after_the_erasure(
    make_settings: Any, vendors: tuple[FakeHubSpot, FakeMixpanel], db: Db
) -> None:
    hubspot, mixpanel = vendors
    hubspot.chaos.fail_next = 10_000  # HubSpot is down
    async with serving(vendor_settings(make_settings, hubspot, mixpanel)) as (_, stub):
        await stub.SyncLead(pb.SyncLeadRequest(lead=types_pb2.Lead(user_id="ana", email="Ana@Example.com", score=10),
                                               idempotency_key="s1"))
        await wait_until(lambda: db.count("SELECT count(*) FROM jobs WHERE attempts >= 1"), 10)
        erased = await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-2", user_id="ana",
                                                                emails=["ana@example.com"]))
        steps = _steps(erased)
        assert steps["integrations_jobs"][0] == DONE and "1 of them cancelled" in steps["integrations_jobs"][1]
        assert steps["crm:hubspot"][0] == PENDING
        (sync,) = await db.rows("SELECT status, last_error, payload FROM jobs WHERE kind = 'sync_lead'")
        assert sync["status"] == "dead" and "erased" in sync["last_error"] and sync["payload"] == {}
        await wait_until(lambda: db.count("SELECT count(*) FROM jobs WHERE kind = 'erase_crm' AND attempts >= 1"), 10)
        waiting = _steps(await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-2", user_id="ana")))
        assert waiting["crm:hubspot"][0] == PENDING and "HTTP 503" in waiting["crm:hubspot"][1]

        hubspot.chaos.fail_next = 0  # back
        settled = await _settled(stub, "e-2", "ana")
        assert settled["crm:hubspot"] == (DONE, "hubspot: no contact or deal of this person")
        assert not hubspot.contacts and hubspot.contact_creates == 0


async def test_local_adapters_only_vendor_steps_are_not_configured(make_settings: Any, db: Db) -> None:
    async with serving(make_settings()) as (_, stub):
        await _person(stub, "ana", "ana@example.com", "a")
        await _person(stub, "bob", "bob@example.com", "b")
        await wait_until(lambda: _all_delivered(db), 15)
        export = await stub.ExportSubject(pb.ExportSubjectRequest(user_id="ana", emails=["ANA@example.com"]))
        assert sorted(r.store for r in export.records) == (
            ["integrations_jobs"] * 4 + ["local_crm_leads", "local_emails", "local_events", "local_meetings"]
        )
        lead = next(r for r in export.records if r.store == "local_crm_leads")
        assert lead.data["email"] == "ana@example.com" and lead.data["user_id"] == "ana"

        steps = _steps(await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-3", user_id="ana")))
        assert steps["local_adapter"] == (DONE, "rows deleted: 1 crm_leads, 1 emails, 1 meetings, 1 events")
        assert steps["crm"][0] == NOT_CONFIGURED and steps["analytics"][0] == NOT_CONFIGURED
        for table in ("local_crm_leads", "local_emails", "local_meetings", "local_events"):
            assert await db.count(f"SELECT count(*) FROM {table}") == 1, table
        assert not (await stub.ExportSubject(pb.ExportSubjectRequest(user_id="ana"))).records

        with pytest.raises(grpc.aio.AioRpcError) as bad:
            await stub.EraseSubject(pb.EraseSubjectRequest(user_id="ana", emails=["a" * 300 + "@example.com"]))
        assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        assert set(violations(bad.value)) == {"erasure_id", "emails[0]"}


async def test_a_vendor_that_got_the_data_but_is_no_longer_configured_is_a_failed_step(
    make_settings: Any, vendors: tuple[FakeHubSpot, FakeMixpanel], db: Db
) -> None:
    hubspot, mixpanel = vendors
    async with serving(vendor_settings(make_settings, hubspot, mixpanel)) as (_, stub):
        await stub.SyncLead(pb.SyncLeadRequest(lead=types_pb2.Lead(user_id="ana", email="ana@example.com"),
                                               idempotency_key="s1"))
        await wait_until(lambda: db.count("SELECT count(*) FROM jobs WHERE status = 'delivered'"), 10)
    # The operator moved to the local CRM and removed HubSpot's token.
    async with serving(make_settings()) as (_, stub):
        steps = _steps(await stub.EraseSubject(pb.EraseSubjectRequest(erasure_id="e-4", user_id="ana")))
        assert steps["crm:hubspot"][0] == FAILED and "by hand" in steps["crm:hubspot"][1]
        assert steps["analytics"][0] == NOT_CONFIGURED
