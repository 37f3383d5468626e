"""The local adapters' records in PostgreSQL (LocalRecords): the built-in CRM's
leads, the e-mails "sent", the calendar's meetings and the analytics events, each
written once per job however often the job is delivered."""

from __future__ import annotations

import uuid
from typing import LiteralString

from psycopg import sql
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb

from atende_runtime.postgres import Pool
from integrations_svc.domain import EmailData, EventData, LeadData, MeetingData
from integrations_svc.store import SlotBusy


def single(row: DictRow | None) -> DictRow:
    """The row of a statement that always returns one (an aggregate, an upsert)."""
    if row is None:
        raise RuntimeError("the statement returned no row")
    return row


class PostgresLocalRecords:
    """Written by the delivery workers, through their pool."""

    def __init__(self, worker_pool: Pool, schema: str) -> None:
        self.worker_pool = worker_pool
        self.schema = schema
        self._sql: dict[str, sql.Composed] = {}

    def _q(self, text: LiteralString) -> sql.Composed:
        """SQL with {s} standing for this store's schema (composed once per text)."""
        composed = self._sql.get(text)
        if composed is None:
            composed = self._sql[text] = sql.SQL(text).format(s=sql.Identifier(self.schema))
        return composed

    async def upsert_lead(self, lead: LeadData) -> str:
        qualification = {
            k: v
            for k, v in (
                ("budget", lead.budget),
                ("authority", lead.authority),
                ("need", lead.need),
                ("timeline", lead.timeline),
            )
            if v
        }
        async with self.worker_pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "INSERT INTO {s}.local_crm_leads AS l (lead_id, match_key, email, phone, name, company, score,"
                    " qualification, source, user_id, conversation_id)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (match_key) DO UPDATE SET"
                    " email = COALESCE(NULLIF(EXCLUDED.email, ''), l.email),"
                    " phone = COALESCE(NULLIF(EXCLUDED.phone, ''), l.phone),"
                    " name = COALESCE(NULLIF(EXCLUDED.name, ''), l.name),"
                    " company = COALESCE(NULLIF(EXCLUDED.company, ''), l.company),"
                    " score = EXCLUDED.score,"
                    " qualification = l.qualification || EXCLUDED.qualification,"
                    " source = COALESCE(NULLIF(EXCLUDED.source, ''), l.source),"
                    " user_id = COALESCE(NULLIF(EXCLUDED.user_id, ''), l.user_id),"
                    " conversation_id = COALESCE(NULLIF(EXCLUDED.conversation_id, ''), l.conversation_id),"
                    " updates = l.updates + 1, updated_at = now()"
                    " RETURNING lead_id"
                ),
                (
                    uuid.uuid4(),
                    lead.match_key(),
                    lead.email,
                    lead.phone,
                    lead.name,
                    lead.company,
                    lead.score,
                    Jsonb(qualification),
                    lead.source,
                    lead.user_id,
                    lead.conversation_id,
                ),
            )
            row = single(await cursor.fetchone())
        return str(row["lead_id"])

    async def record_email(self, job_id: str, email: EmailData) -> str:
        async with self.worker_pool.connection() as conn:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "WITH ins AS (INSERT INTO {s}.local_emails (message_id, job_id, to_address, template, language,"
                    " subject, body_text, body_html) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (job_id) DO NOTHING RETURNING message_id)"
                    " SELECT message_id FROM ins UNION ALL"
                    " SELECT message_id FROM {s}.local_emails WHERE job_id = %s"
                ),
                (
                    uuid.uuid4(),
                    uuid.UUID(job_id),
                    email.to,
                    email.template,
                    email.language,
                    email.subject,
                    email.text,
                    email.html,
                    uuid.UUID(job_id),
                ),
            )
            row = single(await cursor.fetchone())
        return str(row["message_id"])

    async def book_meeting(self, job_id: str, event_id: str, meeting: MeetingData) -> str:
        async with self.worker_pool.connection() as conn, conn.transaction():
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q("SELECT event_id FROM {s}.local_meetings WHERE job_id = %s"), (uuid.UUID(job_id),)
            )
            existing = await cursor.fetchone()
            if existing is not None:
                return str(existing["event_id"])
            # One booking at a time on the local calendar, like a free/busy check then insert.
            await conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{self.schema}.local_calendar",))
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "SELECT event_id FROM {s}.local_meetings WHERE start_time < %s AND end_time > %s LIMIT 1"
                ),
                (meeting.end, meeting.start),
            )
            if await cursor.fetchone() is not None:
                raise SlotBusy(f"the calendar is busy between {meeting.start.isoformat()} and {meeting.end.isoformat()}")
            await conn.execute(
                self._q(
                    "INSERT INTO {s}.local_meetings (event_id, job_id, attendee_email, attendee_name, title,"
                    " start_time, end_time) VALUES (%s, %s, %s, %s, %s, %s, %s)"
                ),
                (
                    event_id,
                    uuid.UUID(job_id),
                    meeting.attendee_email,
                    meeting.attendee_name,
                    meeting.title,
                    meeting.start,
                    meeting.end,
                ),
            )
        return event_id

    async def record_event(self, job_id: str, insert_id: str, event: EventData) -> str:
        async with self.worker_pool.connection() as conn:
            await conn.execute(
                self._q(
                    "INSERT INTO {s}.local_events (insert_id, job_id, event, distinct_id, properties, event_time)"
                    " VALUES (%s, %s, %s, %s, %s, to_timestamp(%s / 1000.0)) ON CONFLICT DO NOTHING"
                ),
                (insert_id, uuid.UUID(job_id), event.event, event.distinct_id, Jsonb(event.properties), event.time_ms),
            )
        return insert_id
