"""LGPD in PostgreSQL: finding, erasing and exporting what integrations_svc holds
about one person (SubjectStore).

A person is found by identifiers, since jobs carry no column of their own for them:
their user_id (a lead's user_id, an event's distinct_id), their e-mail addresses (a
lead's email, an e-mail's "to", a meeting's attendee) and their phone numbers
(compared by digits). The jobs found add the identifiers they hold, once, so an
erasure asked with a user id alone still reaches the e-mail the CRM got.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any, LiteralString

from psycopg import AsyncConnection
from psycopg.rows import DictRow, dict_row
from psycopg.types.json import Jsonb

from atende_runtime.postgres import Pool
from integrations_svc.domain import (
    OPERATION_KINDS,
    ErasureStep,
    JobStatus,
    NewJob,
    SubjectKeys,
    SubjectRecord,
    digits,
)
from integrations_svc.pg_local import PostgresLocalRecords, single
from integrations_svc.store import ErasurePlan, Sweep

# Why a job about an erased person that was still owed will never be delivered.
CANCELLED = "cancelled: the person's data was erased at their request (LGPD)"

_KINDS = [kind.value for kind in OPERATION_KINDS]

_MATCH: LiteralString = (
    " erased_at IS NULL AND kind = ANY(%(kinds)s) AND ("
    " payload->>'user_id' = %(uid)s OR payload->>'distinct_id' = %(uid)s"
    " OR lower(payload->>'email') = ANY(%(emails)s) OR lower(payload->>'to') = ANY(%(emails)s)"
    " OR lower(payload->>'attendee_email') = ANY(%(emails)s)"
    " OR (coalesce(payload->>'phone', '') <> ''"
    "     AND regexp_replace(payload->>'phone', '[^0-9]', '', 'g') = ANY(%(phones)s)))"
)

# The local adapters' rows about the person: by identifiers, and by the jobs found.
_LOCAL_WHERE: dict[str, LiteralString] = {
    "local_crm_leads": (
        "user_id = %(uid)s OR (email <> '' AND lower(email) = ANY(%(emails)s))"
        " OR (phone <> '' AND regexp_replace(phone, '[^0-9]', '', 'g') = ANY(%(phones)s))"
    ),
    "local_emails": "lower(to_address) = ANY(%(emails)s) OR job_id = ANY(%(ids)s)",
    "local_meetings": "lower(attendee_email) = ANY(%(emails)s) OR job_id = ANY(%(ids)s)",
    "local_events": "distinct_id = %(uid)s OR job_id = ANY(%(ids)s)",
}
_LOCAL_IDS: dict[str, LiteralString] = {
    "local_crm_leads": "lead_id",
    "local_emails": "message_id",
    "local_meetings": "event_id",
    "local_events": "insert_id",
}
_DELETE_LOCAL: LiteralString = (
    "WITH crm AS (DELETE FROM {s}.local_crm_leads WHERE " + _LOCAL_WHERE["local_crm_leads"] + " RETURNING 1),"
    " emails AS (DELETE FROM {s}.local_emails WHERE " + _LOCAL_WHERE["local_emails"] + " RETURNING 1),"
    " meetings AS (DELETE FROM {s}.local_meetings WHERE " + _LOCAL_WHERE["local_meetings"] + " RETURNING 1),"
    " events AS (DELETE FROM {s}.local_events WHERE " + _LOCAL_WHERE["local_events"] + " RETURNING 1)"
    " SELECT (SELECT count(*) FROM crm) AS local_crm_leads, (SELECT count(*) FROM emails) AS local_emails,"
    " (SELECT count(*) FROM meetings) AS local_meetings, (SELECT count(*) FROM events) AS local_events"
)
# The customer channels' rows about the person (integrations_svc/channels), by user id:
# their WhatsApp or e-mail contact with its consent state, the consent ledger (every
# opt-in and opt-out with its time and source), inbound and outbound messages, threads.
_CHANNEL_TABLES: dict[str, tuple[str, LiteralString]] = {
    "channel_contacts": ("address", "created_at"),
    "channel_consent": ("consent_id", "created_at"),
    "channel_inbound": ("inbound_id", "received_at"),
    "channel_outbound": ("outbound_id", "created_at"),
    "email_threads": ("message_id", "created_at"),
}
_DELETE_CHANNELS: LiteralString = (
    "WITH c AS (DELETE FROM {s}.channel_contacts WHERE user_id = %(uid)s RETURNING 1),"
    " k AS (DELETE FROM {s}.channel_consent WHERE user_id = %(uid)s RETURNING 1),"
    " i AS (DELETE FROM {s}.channel_inbound WHERE user_id = %(uid)s RETURNING 1),"
    " o AS (DELETE FROM {s}.channel_outbound WHERE user_id = %(uid)s RETURNING 1),"
    " t AS (DELETE FROM {s}.email_threads WHERE user_id = %(uid)s RETURNING 1)"
    " SELECT (SELECT count(*) FROM c) + (SELECT count(*) FROM k) + (SELECT count(*) FROM i)"
    " + (SELECT count(*) FROM o) + (SELECT count(*) FROM t) AS channel_rows"
)
_JOB_FIELDS: LiteralString = (
    "job_id, kind, adapter, status, attempts, vendor_id, last_error, idempotency_key, payload, created_at, updated_at"
)


def _params(keys: SubjectKeys, job_ids: Iterable[str] = ()) -> dict[str, Any]:
    return {
        "kinds": _KINDS,
        "uid": keys.user_id,
        "emails": sorted({e.lower() for e in keys.emails if e}),
        "phones": keys.phone_digits(),
        "ids": [uuid.UUID(j) for j in job_ids],
    }


def _identifiers(rows: list[DictRow], keys: SubjectKeys) -> SubjectKeys:
    """The keys with the e-mails and phones the jobs hold about the person."""
    emails = list(keys.emails)
    phones = list(keys.phones)
    known_digits = set(keys.phone_digits())
    for row in rows:
        payload = row["payload"] or {}
        for name in ("email", "to", "attendee_email"):
            value = str(payload.get(name) or "").strip().lower()
            if value and value not in emails:
                emails.append(value)
        phone = str(payload.get("phone") or "").strip()
        if phone and digits(phone) and digits(phone) not in known_digits:
            known_digits.add(digits(phone))
            phones.append(phone)
    return replace(keys, emails=tuple(emails), phones=tuple(phones))


def _json_safe(value: Any) -> Any:
    """A row as JSON (uuids and times as text), for google.protobuf.Struct."""
    return json.loads(json.dumps(value, default=str))


class PostgresSubjects(PostgresLocalRecords):
    """SubjectStore, on the service's pool (every commit durable before it answers)."""

    pool: Pool

    async def _subject_jobs(
        self, conn: AsyncConnection[Any], keys: SubjectKeys, *, lock: bool
    ) -> tuple[list[DictRow], SubjectKeys]:
        """The jobs about the person and the identifiers they add (looked up once more
        when they add any)."""
        suffix: LiteralString = " FOR UPDATE" if lock else ""
        query = self._q("SELECT " + _JOB_FIELDS + " FROM {s}.jobs WHERE" + _MATCH + " ORDER BY created_at" + suffix)
        cursor = await conn.cursor(row_factory=dict_row).execute(query, _params(keys))
        rows = await cursor.fetchall()
        wider = _identifiers(rows, keys)
        if wider != keys:
            cursor = await conn.cursor(row_factory=dict_row).execute(query, _params(wider))
            rows = await cursor.fetchall()
        return rows, wider

    async def erase_subject(
        self, erasure_id: str, keys: SubjectKeys, plan: ErasurePlan
    ) -> tuple[list[ErasureStep], bool]:
        async with self.pool.connection() as conn, conn.transaction():
            # Taken first: the same erasure asked twice at once waits here for the
            # first to commit, then finds it done.
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(
                    "INSERT INTO {s}.erasure_requests (erasure_id, steps) VALUES (%s, '[]')"
                    " ON CONFLICT (erasure_id) DO NOTHING RETURNING erasure_id"
                ),
                (erasure_id,),
            )
            if await cursor.fetchone() is None:
                cursor = await conn.cursor(row_factory=dict_row).execute(
                    self._q("SELECT steps FROM {s}.erasure_requests WHERE erasure_id = %s"), (erasure_id,)
                )
                stored = single(await cursor.fetchone())
                return [ErasureStep.from_payload(step) for step in stored["steps"]], False
            rows, keys = await self._subject_jobs(conn, keys, lock=True)
            job_ids = [str(row["job_id"]) for row in rows]
            if job_ids:
                await self._empty_jobs(conn, job_ids)
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q(_DELETE_LOCAL), _params(keys, job_ids)
            )
            local = {name: int(count) for name, count in single(await cursor.fetchone()).items()}
            cursor = await conn.cursor(row_factory=dict_row).execute(self._q(_DELETE_CHANNELS), _params(keys))
            channel_rows = int(single(await cursor.fetchone())["channel_rows"])
            if channel_rows:
                local["channels"] = channel_rows
            vendors: dict[str, set[str]] = {}
            for row in rows:
                vendors.setdefault(row["kind"], set()).add(row["adapter"])
            sweep = Sweep(
                jobs=len(rows),
                cancelled=sum(1 for row in rows if row["status"] != JobStatus.DELIVERED),
                local_rows=local,
                keys=keys,
                vendors=vendors,
            )
            steps: list[ErasureStep] = []
            for step, job in plan(sweep):
                steps.append(step if job is None else replace(step, job_id=await self._insert_job(conn, job)))
            await conn.execute(
                self._q("UPDATE {s}.erasure_requests SET steps = %s WHERE erasure_id = %s"),
                (Jsonb([step.to_payload() for step in steps]), erasure_id),
            )
        return steps, True

    async def _empty_jobs(self, conn: AsyncConnection[Any], job_ids: list[str]) -> None:
        """Removes the person's data from their jobs; those still owed are cancelled.
        A worker delivering one right now loses its lease: its outcome is dropped, and
        the serial lock it holds keeps a CRM deletion waiting until its call ends."""
        ids = [uuid.UUID(j) for j in job_ids]
        await conn.execute(
            self._q(
                "UPDATE {s}.jobs SET payload = '{{}}'::jsonb, request_hash = 'erased', erased_at = now(),"
                " updated_at = now(),"
                " last_error = CASE WHEN status = 'delivered' THEN '' ELSE %s END,"
                " status = CASE WHEN status = 'delivered' THEN status ELSE 'dead' END,"
                " lease_owner = NULL, lease_token = NULL, lease_until = NULL"
                " WHERE job_id = ANY(%s)"
            ),
            (CANCELLED, ids),
        )
        # Vendor error texts may quote what was sent.
        await conn.execute(
            self._q("UPDATE {s}.attempts SET error = '' WHERE job_id = ANY(%s) AND error <> ''"), (ids,)
        )

    async def _insert_job(self, conn: AsyncConnection[Any], job: NewJob) -> str:
        cursor = await conn.cursor(row_factory=dict_row).execute(
            self._q(
                "INSERT INTO {s}.jobs (job_id, kind, adapter, idempotency_key, request_hash, payload, serial_key)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (idempotency_key) DO NOTHING RETURNING job_id"
            ),
            (
                uuid.uuid4(), job.kind.value, job.adapter, job.idempotency_key, job.request_hash(),
                Jsonb(job.payload), job.serial_key,
            ),
        )
        row = await cursor.fetchone()
        if row is None:
            cursor = await conn.cursor(row_factory=dict_row).execute(
                self._q("SELECT job_id FROM {s}.jobs WHERE idempotency_key = %s"), (job.idempotency_key,)
            )
            row = single(await cursor.fetchone())
        return str(row["job_id"])

    async def export_subject(self, keys: SubjectKeys) -> list[SubjectRecord]:
        async with self.pool.connection() as conn, conn.transaction():
            await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            rows, keys = await self._subject_jobs(conn, keys, lock=False)
            records = [
                SubjectRecord(
                    store="integrations_jobs",
                    record_id=str(row["job_id"]),
                    data=_json_safe({k: v for k, v in row.items() if k not in ("created_at", "updated_at")}),
                    create_time=row["created_at"],
                    update_time=row["updated_at"],
                )
                for row in rows
            ]
            params = _params(keys, [str(row["job_id"]) for row in rows])
            for table, where in _LOCAL_WHERE.items():
                cursor = await conn.cursor(row_factory=dict_row).execute(
                    self._q("SELECT * FROM {s}." + table + " WHERE " + where + " ORDER BY created_at"), params
                )
                for row in await cursor.fetchall():
                    created: datetime = row["created_at"]
                    updated: datetime | None = row.get("updated_at")
                    records.append(
                        SubjectRecord(
                            store=table,
                            record_id=str(row[_LOCAL_IDS[table]]),
                            data=_json_safe({k: v for k, v in row.items() if k not in ("created_at", "updated_at")}),
                            create_time=created,
                            update_time=updated,
                        )
                    )
            for table, (id_column, time_column) in _CHANNEL_TABLES.items():
                cursor = await conn.cursor(row_factory=dict_row).execute(
                    self._q("SELECT * FROM {s}." + table + " WHERE user_id = %(uid)s ORDER BY " + time_column), params
                )
                for row in await cursor.fetchall():
                    records.append(
                        SubjectRecord(
                            store=table,
                            record_id=str(row[id_column]),
                            data=_json_safe({k: v for k, v in row.items() if k not in (
                                "created_at", "updated_at", "lease_owner", "lease_until")}),
                            create_time=row[time_column],
                            update_time=row.get("updated_at"),
                        )
                    )
        return records
