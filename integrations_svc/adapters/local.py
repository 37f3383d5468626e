"""The local adapters, the default when no vendor is configured: every operation is
recorded in PostgreSQL tables of the service's schema (local_crm_leads, local_emails,
local_meetings, local_events) that a developer can query. Each write is idempotent,
so these adapters are resend_safe. An LGPD erasure deletes their rows about a person
itself, in its own transaction (PostgresStore.erase_subject): no job is queued for
them."""

from __future__ import annotations

from integrations_svc.adapters.base import PermanentError
from integrations_svc.adapters.google_calendar import event_id_for
from integrations_svc.domain import DeliveryContext, EmailData, EventData, LeadData, MeetingData, SubjectKeys
from integrations_svc.store import LocalRecords, SlotBusy


class _Local:
    name = "local"
    resend_safe = True

    def __init__(self, records: LocalRecords) -> None:
        self.records = records

    async def aclose(self) -> None:
        return None


ERASED_INLINE = "the local adapters' rows are erased by EraseSubject itself, not by a job"


class LocalCrm(_Local):
    async def upsert_lead(self, lead: LeadData, ctx: DeliveryContext) -> str:
        return await self.records.upsert_lead(lead)

    async def erase_contact(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        raise PermanentError(ERASED_INLINE)


class LocalEmail(_Local):
    async def send(self, email: EmailData, ctx: DeliveryContext) -> str:
        return await self.records.record_email(ctx.job_id, email)


class LocalCalendar(_Local):
    async def book(self, meeting: MeetingData, ctx: DeliveryContext) -> str:
        try:
            return await self.records.book_meeting(ctx.job_id, event_id_for(ctx), meeting)
        except SlotBusy as busy:
            raise PermanentError(f"local calendar: {busy}") from None


class LocalAnalytics(_Local):
    async def track(self, event: EventData, ctx: DeliveryContext) -> str:
        return await self.records.record_event(ctx.job_id, ctx.stable_id(32), event)

    async def erase_profile(self, keys: SubjectKeys, ctx: DeliveryContext) -> str:
        raise PermanentError(ERASED_INLINE)
