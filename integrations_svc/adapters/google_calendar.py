"""Google Calendar: freeBusy to check the slot, events.insert to book it.

The event id is derived from the idempotency key (Google lets the client choose it:
base32hex characters a-v and 0-9), so a repeated insert answers 409 and books
nothing twice; a retry first looks the event up, since after our own insert the slot
reads busy."""

from __future__ import annotations

import base64
import hashlib
from typing import Any
from urllib.parse import quote

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.http import OAuthToken, VendorHttp
from integrations_svc.domain import DeliveryContext, MeetingData


def event_id_for(ctx: DeliveryContext) -> str:
    digest = hashlib.sha256(("atende-meeting:" + ctx.idempotency_key).encode()).digest()[:20]
    return base64.b32hexencode(digest).decode().lower().rstrip("=")


def rfc3339(meeting_time: Any) -> str:
    return str(meeting_time.isoformat().replace("+00:00", "Z"))


class GoogleCalendar:
    name = "google"
    resend_safe = True

    def __init__(self, http: VendorHttp, token: OAuthToken, calendar_id: str, send_updates: str = "all") -> None:
        self.http = http
        self.token = token
        self.calendar_id = calendar_id
        self.send_updates = send_updates

    async def aclose(self) -> None:
        await self.http.aclose()

    async def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self.token.get()}"}

    async def book(self, meeting: MeetingData, ctx: DeliveryContext) -> str:
        headers = await self._headers()
        event_id = event_id_for(ctx)
        calendar = quote(self.calendar_id, safe="")
        existing = await self.http.request(
            "GET",
            f"/calendars/{calendar}/events/{event_id}",
            label="/calendars/{calendarId}/events/{eventId}",
            headers=headers,
            expect=(200, 404, 410),
            on_auth_failure=self.token.invalidate,
        )
        if existing.status_code == 200:
            return event_id
        busy = await self.http.request(
            "POST",
            "/freeBusy",
            headers=headers,
            json={
                "timeMin": rfc3339(meeting.start),
                "timeMax": rfc3339(meeting.end),
                "items": [{"id": self.calendar_id}],
            },
            on_auth_failure=self.token.invalidate,
        )
        calendar_busy = busy.json().get("calendars", {}).get(self.calendar_id, {})
        if calendar_busy.get("errors"):
            raise PermanentError(f"google freeBusy: {calendar_busy['errors'][0].get('reason', 'error')}")
        if calendar_busy.get("busy"):
            raise PermanentError(f"google: the calendar is busy between {rfc3339(meeting.start)} and {rfc3339(meeting.end)}")
        attendee: dict[str, str] = {"email": meeting.attendee_email}
        if meeting.attendee_name:
            attendee["displayName"] = meeting.attendee_name
        response = await self.http.request(
            "POST",
            f"/calendars/{calendar}/events",
            label="/calendars/{calendarId}/events",
            headers=headers,
            params={"sendUpdates": self.send_updates},
            json={
                "id": event_id,
                "summary": meeting.title,
                "start": {"dateTime": rfc3339(meeting.start), "timeZone": "UTC"},
                "end": {"dateTime": rfc3339(meeting.end), "timeZone": "UTC"},
                "attendees": [attendee],
                "reminders": {"useDefault": True},
            },
            expect=(200, 201, 409),
            on_auth_failure=self.token.invalidate,
        )
        if response.status_code == 409:
            return event_id  # inserted by an earlier attempt
        return str(response.json().get("id", event_id))
