"""Each vendor adapter with its real httpx client against a fake vendor on loopback
that speaks the vendor's wire format."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from integrations_vendors import FakeGoogleCalendar, FakeHubSpot, FakeMixpanel, FakeSalesforce, FakeSendGrid
from pydantic import SecretStr

from devstack.embedded import free_port
from integrations_svc.adapters.base import InDoubtError, PermanentError, RetryableError
from integrations_svc.adapters.google_calendar import GoogleCalendar, event_id_for
from integrations_svc.adapters.http import OAuthToken, VendorHttp
from integrations_svc.adapters.hubspot import HubSpotCrm
from integrations_svc.adapters.mixpanel import MixpanelAnalytics
from integrations_svc.adapters.salesforce import SalesforceCrm
from integrations_svc.adapters.sendgrid import SendGridEmail
from integrations_svc.domain import DeliveryContext, EmailData, EventData, LeadData, MeetingData

# Each adapter's deadline against its loopback fake, and how long a slowed fake waits:
# twice the deadline, so the slow call surely times out, while a pause of the test's own
# event loop (the fakes run in it) stays far inside the deadline of an ordinary call
# (at 0.5 s, one CI run in several lost a HubSpot search to a WriteTimeout).
TIMEOUT = 2.0
SLOW = 2 * TIMEOUT

LEAD = LeadData(
    email="maria@example.com", phone="+55 11 91234-5678", name="Maria da Silva", company="Solar Ltda", score=75,
    budget="R$ 20.000", need="solar kit", source="web",
)


def ctx(key: str = "key-1", attempt: int = 1) -> DeliveryContext:
    return DeliveryContext(job_id="0b9d7f0e-5f55-4d8e-a7a4-5c1f7e0c0a11", idempotency_key=key, attempt=attempt)


@pytest.fixture
async def hubspot() -> AsyncIterator[tuple[FakeHubSpot, HubSpotCrm]]:
    fake = FakeHubSpot()
    url = await fake.start()
    adapter = HubSpotCrm(VendorHttp("hubspot", url, TIMEOUT), fake.token, deal_min_score=60)
    yield fake, adapter
    await adapter.aclose()
    await fake.close()


async def test_hubspot_creates_contact_and_deal_then_updates(hubspot: tuple[FakeHubSpot, HubSpotCrm]) -> None:
    fake, adapter = hubspot
    contact_id = await adapter.upsert_lead(LEAD, ctx())
    assert fake.contacts[contact_id] == {
        "email": "maria@example.com", "firstname": "Maria da", "lastname": "Silva", "phone": "+55 11 91234-5678",
        "company": "Solar Ltda", "lifecyclestage": "lead",
    }
    (deal,) = fake.deals.values()
    assert deal["dealname"] == "atende lead: maria@example.com" and "Budget: R$ 20.000" in deal["description"]
    assert deal["_associations"][0]["to"]["id"] == contact_id
    assert deal["_associations"][0]["types"][0]["associationTypeId"] == 3
    first = fake.requests[0]
    assert first.headers["authorization"] == f"Bearer {fake.token}" and first.path == "/crm/v3/objects/contacts/search"
    assert first.json()["filterGroups"][0]["filters"][0] == {
        "propertyName": "email", "operator": "EQ", "value": "maria@example.com",
    }

    again = await adapter.upsert_lead(LeadData(email="maria@example.com", company="Solar SA", score=80), ctx("key-2"))
    assert again == contact_id and len(fake.contacts) == 1 and len(fake.deals) == 1
    assert fake.contacts[contact_id]["company"] == "Solar SA" and fake.contacts[contact_id]["lastname"] == "Silva"


async def test_hubspot_create_conflict_becomes_update(hubspot: tuple[FakeHubSpot, HubSpotCrm]) -> None:
    fake, adapter = hubspot
    contact_id = await adapter.upsert_lead(LeadData(email="joao@example.com", score=10), ctx())
    # HubSpot's search index lags behind writes: a retry may not find the contact it just created.
    real_search = fake._search
    fake._search = lambda store, body: real_search({}, body)  # type: ignore[method-assign]
    again = await adapter.upsert_lead(LeadData(email="joao@example.com", name="João", score=10), ctx())
    assert again == contact_id and fake.contact_creates == 1 and fake.contacts[contact_id]["lastname"] == "João"
    assert [r.method for r in fake.requests[-3:]] == ["POST", "POST", "PATCH"]


async def test_hubspot_phone_only_lead_and_low_score_has_no_deal(hubspot: tuple[FakeHubSpot, HubSpotCrm]) -> None:
    fake, adapter = hubspot
    contact_id = await adapter.upsert_lead(LeadData(phone="+55 11 99999-0000", score=20), ctx())
    assert await adapter.upsert_lead(LeadData(phone="+55 11 99999-0000", name="Ana", score=20), ctx()) == contact_id
    assert len(fake.contacts) == 1 and not fake.deals


async def test_hubspot_error_answers(hubspot: tuple[FakeHubSpot, HubSpotCrm]) -> None:
    fake, adapter = hubspot
    wrong = HubSpotCrm(VendorHttp("hubspot", fake.server.url, TIMEOUT), "pat-wrong-token")
    with pytest.raises(RetryableError) as unauthorized:
        await wrong.upsert_lead(LEAD, ctx())
    await wrong.aclose()
    assert "HTTP 401" in str(unauthorized.value) and "Authentication credentials not found" in str(unauthorized.value)
    assert "pat-wrong-token" not in str(unauthorized.value)

    fake.chaos.rate_limit_next, fake.chaos.retry_after = 1, "7"
    with pytest.raises(RetryableError) as limited:
        await adapter.upsert_lead(LEAD, ctx())
    assert limited.value.rate_limited and limited.value.retry_after == 7.0

    fake.chaos.fail_next = 1
    with pytest.raises(RetryableError) as down:
        await adapter.upsert_lead(LEAD, ctx())
    assert not isinstance(down.value, InDoubtError) and "HTTP 503" in str(down.value)

    fake.chaos.slow_next_creates, fake.chaos.slow_seconds = 1, SLOW
    with pytest.raises(InDoubtError):
        await adapter.upsert_lead(LEAD, ctx())
    assert fake.contact_creates == 1  # it was created: a retry must find it
    assert await adapter.upsert_lead(LEAD, ctx()) in fake.contacts and fake.contact_creates == 1

    with pytest.raises(PermanentError) as bad:
        await adapter.http.request("POST", "/crm/v3/objects/contacts", headers={"Authorization": f"Bearer {fake.token}"},
                                   json={"nope": 1})
    assert "HTTP 400" in str(bad.value)


async def test_vendor_not_listening_is_retryable_not_in_doubt() -> None:
    adapter = HubSpotCrm(VendorHttp("hubspot", f"http://127.0.0.1:{free_port()}", TIMEOUT), "t")
    with pytest.raises(RetryableError) as error:
        await adapter.upsert_lead(LEAD, ctx())
    await adapter.aclose()
    assert not isinstance(error.value, InDoubtError) and "cannot connect" in str(error.value)


@pytest.fixture
async def salesforce() -> AsyncIterator[tuple[FakeSalesforce, SalesforceCrm]]:
    fake = FakeSalesforce()
    url = await fake.start()
    http = VendorHttp("salesforce", url, TIMEOUT)
    token = OAuthToken(
        http, f"{url}/services/oauth2/token", client_id=SecretStr(fake.client_id),
        client_secret=SecretStr(fake.client_secret), refresh_token=SecretStr(fake.refresh_token),
    )
    adapter = SalesforceCrm(http, token, instance_url="")  # taken from the token answer
    yield fake, adapter
    await adapter.aclose()
    await fake.close()


async def test_salesforce_refreshes_token_then_creates_then_updates(
    salesforce: tuple[FakeSalesforce, SalesforceCrm],
) -> None:
    fake, adapter = salesforce
    lead_id = await adapter.upsert_lead(LEAD, ctx())
    assert fake.token_requests == 1
    created = fake.leads[lead_id]
    assert created["LastName"] == "Silva" and created["FirstName"] == "Maria da" and created["Company"] == "Solar Ltda"
    assert created["LeadSource"] == "Web" and created["Rating"] == "Hot" and "Need: solar kit" in created["Description"]
    assert await adapter.upsert_lead(LeadData(email="MARIA@example.com", score=30), ctx()) == lead_id
    assert len(fake.leads) == 1 and fake.leads[lead_id]["Rating"] == "Cold"
    assert fake.token_requests == 1  # cached
    query = next(r for r in fake.requests if r.path.endswith("/query"))
    assert query.headers["authorization"] == f"Bearer {fake.token}"


async def test_salesforce_required_fields_and_quotes(salesforce: tuple[FakeSalesforce, SalesforceCrm]) -> None:
    fake, adapter = salesforce
    tricky = LeadData(email="o'brien\\x@example.com")
    lead_id = await adapter.upsert_lead(tricky, ctx())
    assert fake.leads[lead_id]["LastName"] == "o'brien\\x" and fake.leads[lead_id]["Company"] == "[not provided]"
    assert await adapter.upsert_lead(tricky, ctx()) == lead_id and len(fake.leads) == 1


async def test_salesforce_expired_session_refreshes_on_next_attempt(
    salesforce: tuple[FakeSalesforce, SalesforceCrm],
) -> None:
    fake, adapter = salesforce
    await adapter.upsert_lead(LEAD, ctx())
    fake.token = "00D-rotated-token"
    with pytest.raises(RetryableError) as expired:
        await adapter.upsert_lead(LEAD, ctx())
    assert "INVALID_SESSION_ID" in str(expired.value)
    await adapter.upsert_lead(LEAD, ctx())
    assert fake.token_requests == 2 and len(fake.leads) == 1


EMAIL = EmailData(
    to="maria@example.com", template="lead_follow_up", language="pt", subject="Próximos passos",
    text="Olá, Maria", html="<p>Olá, Maria</p>",
)


@pytest.fixture
async def sendgrid() -> AsyncIterator[tuple[FakeSendGrid, Callable[..., SendGridEmail]]]:
    fake = FakeSendGrid()
    url = await fake.start()
    made: list[SendGridEmail] = []

    def make(key: str = fake.token, **kwargs: Any) -> SendGridEmail:
        made.append(SendGridEmail(VendorHttp("sendgrid", url, TIMEOUT), key, "vendas@example.com", "Loja Solar", **kwargs))
        return made[-1]

    yield fake, make
    for adapter in made:
        await adapter.aclose()
    await fake.close()


async def test_sendgrid_sends_and_returns_message_id(
    sendgrid: tuple[FakeSendGrid, Callable[..., SendGridEmail]],
) -> None:
    fake, make = sendgrid
    adapter = make(sandbox=True)
    message_id = await adapter.send(EMAIL, ctx())
    (sent,) = fake.messages
    assert message_id == sent["_message_id"]
    assert sent["personalizations"] == [{"to": [{"email": "maria@example.com"}]}]
    assert sent["from"] == {"email": "vendas@example.com", "name": "Loja Solar"} and sent["subject"] == "Próximos passos"
    assert [c["type"] for c in sent["content"]] == ["text/plain", "text/html"]
    assert sent["custom_args"]["atende_idempotency_key"] == "key-1"
    assert sent["mail_settings"] == {"sandbox_mode": {"enable": True}}
    assert fake.requests[0].headers["authorization"] == f"Bearer {fake.token}"
    assert adapter.resend_safe is False


async def test_sendgrid_errors(sendgrid: tuple[FakeSendGrid, Callable[..., SendGridEmail]]) -> None:
    fake, make = sendgrid
    with pytest.raises(RetryableError) as unauthorized:
        await make("SG.wrong").send(EMAIL, ctx())
    assert "authorization grant is invalid" in str(unauthorized.value) and "SG.wrong" not in str(unauthorized.value)
    adapter = make()
    fake.chaos.rate_limit_next, fake.chaos.retry_after = 1, "30"
    with pytest.raises(RetryableError) as limited:
        await adapter.send(EMAIL, ctx())
    assert limited.value.rate_limited and limited.value.retry_after is not None
    assert 28 <= limited.value.retry_after <= 31  # from X-RateLimit-Reset, an epoch
    with pytest.raises(PermanentError) as bad:
        await adapter.send(EmailData(**{**EMAIL.__dict__, "subject": ""}), ctx())
    assert "subject is required" in str(bad.value)
    assert not fake.messages


MEETING = MeetingData(
    attendee_email="maria@example.com", attendee_name="Maria",
    start=datetime(2030, 5, 6, 14, 0, tzinfo=UTC), duration_minutes=30, title="Demo",
)


@pytest.fixture
async def google() -> AsyncIterator[tuple[FakeGoogleCalendar, GoogleCalendar]]:
    fake = FakeGoogleCalendar()
    url = await fake.start()
    http = VendorHttp("google", f"{url}/calendar/v3", TIMEOUT)
    token = OAuthToken(
        http, f"{url}/token", client_id=SecretStr(fake.client_id), client_secret=SecretStr(fake.client_secret),
        refresh_token=SecretStr(fake.refresh_token),
    )
    adapter = GoogleCalendar(http, token, fake.calendar_id)
    yield fake, adapter
    await adapter.aclose()
    await fake.close()


async def test_google_books_once_with_a_stable_event_id(google: tuple[FakeGoogleCalendar, GoogleCalendar]) -> None:
    fake, adapter = google
    event_id = await adapter.book(MEETING, ctx())
    assert event_id == event_id_for(ctx()) and fake.inserts == 1 and fake.token_requests == 1
    event = fake.events[event_id]
    assert event["start"]["dateTime"] == "2030-05-06T14:00:00Z" and event["end"]["dateTime"] == "2030-05-06T14:30:00Z"
    assert event["attendees"] == [{"email": "maria@example.com", "displayName": "Maria"}]
    assert event["_send_updates"] == "all"
    assert [r.path.rsplit("/", 1)[-1] for r in fake.requests] == ["token", event_id, "freeBusy", "events"]
    # A retry of the same operation finds the event and books nothing.
    assert await adapter.book(MEETING, ctx()) == event_id and fake.inserts == 1


async def test_google_busy_slot_is_permanent(google: tuple[FakeGoogleCalendar, GoogleCalendar]) -> None:
    fake, adapter = google
    fake.busy.append((MEETING.start - timedelta(minutes=10), MEETING.start + timedelta(minutes=10)))
    with pytest.raises(PermanentError) as busy:
        await adapter.book(MEETING, ctx())
    assert "busy" in str(busy.value) and fake.inserts == 0


async def test_google_insert_conflict_is_success(google: tuple[FakeGoogleCalendar, GoogleCalendar]) -> None:
    fake, adapter = google
    fake.chaos.slow_next_creates, fake.chaos.slow_seconds = 1, SLOW
    with pytest.raises(InDoubtError):
        await adapter.book(MEETING, ctx())
    assert await adapter.book(MEETING, ctx()) == event_id_for(ctx()) and fake.inserts == 1


EVENT = EventData(event="lead_qualified", distinct_id="user-7", properties={"agent": "sales"}, time_ms=1_900_000_000_000)


async def test_mixpanel_import_deduplicates_by_insert_id() -> None:
    fake = FakeMixpanel()
    url = await fake.start()
    adapter = MixpanelAnalytics(VendorHttp("mixpanel", url, TIMEOUT), basic_auth=(fake.api_secret, ""), project_id="42")
    try:
        first = await adapter.track(EVENT, ctx())
        assert await adapter.track(EVENT, ctx()) == first
        assert fake.received == 2 and len(fake.events) == 1
        ((key, record),) = fake.events.items()
        assert key == ("lead_qualified", "user-7", 1_900_000_000_000, first)
        assert record["properties"]["agent"] == "sales"
        request = fake.requests[0]
        assert request.param("strict") == "1" and request.param("project_id") == "42"
        with pytest.raises(PermanentError) as bad:
            await adapter.track(EventData("lead_created", "u", {}, time_ms="soon"), ctx("k2"))  # type: ignore[arg-type]
        assert "failed validation" in str(bad.value)
    finally:
        await adapter.aclose()
        await fake.close()


async def test_mixpanel_track_with_project_token() -> None:
    fake = FakeMixpanel()
    url = await fake.start()
    adapter = MixpanelAnalytics(VendorHttp("mixpanel", url, TIMEOUT), project_token=fake.project_token)
    wrong = MixpanelAnalytics(VendorHttp("mixpanel", url, TIMEOUT), basic_auth=("bad-secret", ""))
    try:
        await adapter.track(EVENT, ctx())
        assert len(fake.events) == 1 and fake.requests[0].path == "/track"
        with pytest.raises(RetryableError) as unauthorized:
            await wrong.track(EVENT, ctx())
        assert "HTTP 401" in str(unauthorized.value)
    finally:
        await adapter.aclose()
        await wrong.aclose()
        await fake.close()
