"""The audit trail's table: batches appended (idempotent by event id), pages read
newest first, and the retention job's deletes, the only ones the table's trigger
lets through."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from atende_runtime.audit import AuditEvent
from atende_runtime.postgres import Pool
from memory_svc.postgres.base import PgBase, all_rows, one_row

_COLUMNS = "event_id, event_time, actor, actor_role, client_address, action, resource, outcome, detail, request_id"
# Every filter is optional ('' or an open time range) but the one a variant leads
# with, so each variant is served by its own index (the EXPLAIN test holds to it).
_FILTERS = """
    event_time >= %(since)s::timestamptz AND event_time < %(until)s::timestamptz
    AND (%(actor)s::text = '' OR actor = %(actor)s::text)
    AND (%(resource)s::text = '' OR resource = %(resource)s::text)
    AND (%(action)s::text = '' OR action = %(action)s::text
         OR (right(%(action)s::text, 1) = '.' AND starts_with(action, %(action)s::text)))
    AND (%(outcome)s::text = '' OR outcome = %(outcome)s::text)
    AND (event_time, event_id) < (%(after_time)s::timestamptz, %(after_id)s::uuid)
    ORDER BY event_time DESC, event_id DESC LIMIT %(limit)s"""

QUERIES = {
    "insert_audit_events": f"""
        INSERT INTO {{s}}.audit_events ({_COLUMNS})
        SELECT * FROM unnest(%s::uuid[], %s::timestamptz[], %s::text[], %s::text[], %s::text[], %s::text[],
                             %s::text[], %s::text[], %s::text[], %s::text[])
        ON CONFLICT (event_id) DO NOTHING""",
    "list_audit_events": f"SELECT {_COLUMNS} FROM {{s}}.audit_events WHERE {_FILTERS}",
    "list_audit_events_by_actor": f"SELECT {_COLUMNS} FROM {{s}}.audit_events WHERE actor = %(actor)s::text AND {_FILTERS}",
    "list_audit_events_by_resource": (
        f"SELECT {_COLUMNS} FROM {{s}}.audit_events WHERE resource = %(resource)s::text AND {_FILTERS}"
    ),
    "expire_audit_events": """
        DELETE FROM {s}.audit_events WHERE event_id IN (
            SELECT event_id FROM {s}.audit_events
            WHERE event_time < %s ORDER BY event_time LIMIT %s
            FOR UPDATE SKIP LOCKED)""",
}


def to_event(row: Mapping[str, Any]) -> AuditEvent:
    return AuditEvent(
        event_id=str(row["event_id"]),
        event_time=row["event_time"],
        actor=row["actor"],
        actor_role=row["actor_role"],
        client_address=row["client_address"],
        action=row["action"],
        resource=row["resource"],
        outcome=row["outcome"],
        detail=row["detail"],
        request_id=row["request_id"],
    )


class PgAudit(PgBase):
    def __init__(self, pool: Pool, schema: str, queries: Mapping[str, str]) -> None:
        super().__init__(pool, schema, queries)
        self._audit_retention_lock = int.from_bytes(
            hashlib.sha256(f"atende-memory-audit-retention:{schema}".encode()).digest()[:8], "big", signed=True
        )

    async def insert_audit_events(self, events: list[AuditEvent]) -> int:
        """Appends the events; one already stored (same event_id) is skipped. Returns
        how many were new."""
        if not events:
            return 0
        columns: list[list[Any]] = [[] for _ in range(10)]
        for e in events:
            values = (e.event_id, e.event_time, e.actor, e.actor_role, e.client_address, e.action, e.resource,
                      e.outcome, e.detail, e.request_id)
            for column, value in zip(columns, values, strict=True):
                column.append(value)
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["insert_audit_events"], columns)
            return cursor.rowcount

    async def list_audit_events(self, filters: Mapping[str, Any], limit: int) -> list[AuditEvent]:
        """A page, newest first. `filters` holds every named parameter of the
        queries (since, until, actor, resource, action, outcome, after_time,
        after_id); '' means any."""
        if filters["resource"]:
            query = self.q["list_audit_events_by_resource"]
        elif filters["actor"]:
            query = self.q["list_audit_events_by_actor"]
        else:
            query = self.q["list_audit_events"]
        async with self._connection() as conn:
            cursor = await conn.execute(query, {**filters, "limit": limit})
            return [to_event(row) for row in await all_rows(cursor)]

    async def expire_audit(self, cutoff: datetime, batch: int = 500) -> int | None:
        """Deletes events older than `cutoff` in short batches (each its own
        transaction, which tells the append-only trigger it is the retention job).
        None when another replica is already doing it."""
        deleted = 0
        async with self._connection() as conn:
            row = await one_row(
                await conn.execute("SELECT pg_try_advisory_lock(%s) AS locked", (self._audit_retention_lock,))
            )
            if not row or not row["locked"]:
                return None
            try:
                while True:
                    async with conn.transaction():
                        await conn.execute("SELECT set_config('atende.audit_retention', 'on', true)")
                        count = (await conn.execute(self.q["expire_audit_events"], (cutoff, batch))).rowcount
                    deleted += count
                    if count < batch:
                        break
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (self._audit_retention_lock,))
        return deleted
