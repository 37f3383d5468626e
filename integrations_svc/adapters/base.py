"""One interface per kind of integration, and the errors an adapter reports.

An adapter turns one operation into the vendor's calls and returns the vendor's id
for it. It must be safe to call again for the same operation (the worker retries,
and a worker may die after the vendor answered and before the outcome was stored):
CRMs search then create or update, Google Calendar and Mixpanel get an id derived
from the idempotency key. An adapter that cannot make its call idempotent says so
with resend_safe = False, and the worker never repeats a call that may have arrived.
"""

from __future__ import annotations

from typing import Protocol

from integrations_svc.domain import ChannelMessage, DeliveryContext, EmailData, EventData, LeadData, MeetingData, SubjectKeys


class DeliveryError(Exception):
    """Base of what an adapter raises."""


class RetryableError(DeliveryError):
    """Failed, nothing happened at the vendor (or it is safe to repeat): try again later.
    retry_after is the vendor's own wait, in seconds, when it gave one."""

    def __init__(self, message: str, retry_after: float | None = None, *, rate_limited: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.rate_limited = rate_limited


class InDoubtError(RetryableError):
    """The request may have reached the vendor (a timeout after sending, a dropped
    connection): repeating it is safe only for an idempotent adapter."""


class PermanentError(DeliveryError):
    """The vendor refused the operation itself (bad data, unknown calendar): retrying
    will not help, the job goes dead for an operator to look at."""


class Adapter(Protocol):
    # The name stored in each job ("local", "hubspot", ...).
    name: str
    # Whether repeating a call that may have reached the vendor is harmless.
    resend_safe: bool

    async def aclose(self) -> None: ...


class CrmAdapter(Adapter, Protocol):
    async def upsert_lead(self, lead: LeadData, ctx: DeliveryContext) -> str:
        """Creates the lead, or updates the one with the same e-mail (or phone); returns its CRM id."""

    async def erase_contact(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        """LGPD: deletes every record of the person (by e-mail and phone) that this
        integration may have made; returns a short account of what was deleted.
        Finding nothing is a success: the person is not there."""


class EmailAdapter(Adapter, Protocol):
    async def send(self, email: EmailData, ctx: DeliveryContext) -> str:
        """Sends the rendered e-mail; returns the vendor's message id."""


class CalendarAdapter(Adapter, Protocol):
    async def book(self, meeting: MeetingData, ctx: DeliveryContext) -> str:
        """Books the slot if it is free; returns the event id. PermanentError if busy."""


class AnalyticsAdapter(Adapter, Protocol):
    async def track(self, event: EventData, ctx: DeliveryContext) -> str:
        """Records the event once; returns its id at the vendor."""

    async def erase_profile(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        """LGPD: asks the vendor to delete the person's events and profile (by
        distinct_id); returns the vendor's reference for the deletion."""


class ChannelAdapter(Adapter, Protocol):
    async def send_message(self, message: ChannelMessage, ctx: DeliveryContext) -> str:
        """Sends one message to a customer (WhatsApp, an e-mail reply); returns the vendor's message id."""
