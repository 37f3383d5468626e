"""The outbox as the relay works it: claims leased to one relay, outcomes fenced by
the lease."""

from __future__ import annotations

import uuid
from datetime import datetime

from memory_svc.models import Lead
from memory_svc.outbox import OutboxAction
from memory_svc.postgres.base import PgBase, all_rows, one_row
from memory_svc.postgres.rows import A_ACTION_COLUMNS, LEAD_COLUMNS, to_action, to_lead

QUERIES = {
    # The relay. A claim leases due rows (next_attempt_at moves to the lease's end,
    # committed at once), so relays on other replicas skip them while this one
    # calls integrations_svc, and a relay that dies mid-call leaves them to be tried
    # again when the lease ends. A person's lead syncs go out oldest first: one
    # waits while an older one is still owed.
    "claim_actions": f"""
        WITH due AS (
            SELECT a.action_id FROM {{s}}.actions a
            WHERE a.status IN ('pending', 'accepted') AND a.next_attempt_at <= %(now)s
              AND NOT (a.kind = 'sync_lead' AND a.status = 'pending' AND EXISTS (
                  SELECT 1 FROM {{s}}.actions o
                  WHERE o.user_id = a.user_id AND o.kind = 'sync_lead' AND o.status = 'pending' AND o.seq < a.seq))
            ORDER BY a.next_attempt_at
            LIMIT %(limit)s
            FOR UPDATE OF a SKIP LOCKED
        )
        UPDATE {{s}}.actions a SET next_attempt_at = %(lease_until)s, lease_token = %(token)s, updated_at = now()
        FROM due WHERE a.action_id = due.action_id
        RETURNING {A_ACTION_COLUMNS}""",
    # An outcome that leaves the lead alone; dropped when the claim lost the row.
    "update_action": """
        UPDATE {s}.actions SET status = %(status)s, job_id = %(job_id)s, attempts = attempts + %(attempted)s,
            last_error = %(error)s, next_attempt_at = %(next)s, lease_token = NULL, updated_at = now()
        WHERE action_id = %(id)s AND lease_token = %(token)s
        RETURNING action_id""",
    # A final outcome (done or failed); for a sync_lead, the lead follows it unless a
    # newer sync was asked for since (sync_action names the newest).
    "finish_action": f"""
        WITH finished AS (
            UPDATE {{s}}.actions SET status = %(status)s, job_id = %(job_id)s, attempts = attempts + %(attempted)s,
                last_error = %(error)s, lease_token = NULL, updated_at = now(),
                -- A finished erasure needs the person's identifiers no more: only its
                -- receipt keeps the user id.
                subject = NULL, user_id = CASE WHEN kind = 'erase_subject' THEN '' ELSE user_id END
            WHERE action_id = %(id)s AND lease_token = %(token)s
            RETURNING action_id, user_id, kind
        ), lead AS (
            UPDATE {{s}}.leads l SET
                crm_status = %(crm_status)s,
                crm_id = COALESCE(NULLIF(%(crm_id)s, ''), l.crm_id),
                crm_error = %(crm_error)s,
                version = DEFAULT,
                update_time = now()
            FROM finished f
            WHERE f.kind = 'sync_lead' AND l.user_id = f.user_id AND l.sync_action = f.action_id
            RETURNING {", ".join("l." + c.strip() for c in LEAD_COLUMNS.split(","))}
        )
        SELECT f.action_id, {", ".join(f"lead.{c.strip()} AS l_{c.strip()}" for c in LEAD_COLUMNS.split(","))}
        FROM finished f LEFT JOIN lead ON true""",
}


class PgOutbox(PgBase):
    async def claim_actions(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxAction]:
        """Leases up to `limit` rows due at `now` until `lease_until`."""
        params = {"now": now, "lease_until": lease_until, "limit": limit, "token": str(uuid.uuid4())}
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["claim_actions"], params)
            return [to_action(r) for r in await all_rows(cursor)]

    async def update_action(
        self, action: OutboxAction, *, status: str, job_id: str, attempted: bool, error: str, next_attempt_at: datetime
    ) -> bool:
        """Records an outcome that leaves the lead alone; False when the claim had
        lost the row (its lease ended and another relay took it)."""
        params = {
            "id": action.action_id, "token": action.lease_token, "status": status, "job_id": job_id,
            "attempted": int(attempted), "error": error, "next": next_attempt_at,
        }
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["update_action"], params)
            return await one_row(cursor) is not None

    async def finish_action(
        self,
        action: OutboxAction,
        *,
        status: str,
        job_id: str,
        attempted: bool,
        error: str,
        crm_status: str,
        crm_id: str = "",
        crm_error: str = "",
    ) -> tuple[bool, Lead | None]:
        """Records a final outcome and, for the newest sync of a lead, moves the
        lead with it. Returns whether the claim still held the row, and the lead
        when it changed."""
        params = {
            "id": action.action_id, "token": action.lease_token, "status": status, "job_id": job_id,
            "attempted": int(attempted), "error": error, "crm_status": crm_status, "crm_id": crm_id,
            "crm_error": crm_error,
        }
        async with self._connection() as conn:
            row = await one_row(await conn.execute(self.q["finish_action"], params))
        if row is None:
            return False, None
        return True, (to_lead(row, "l_") if row["l_lead_id"] is not None else None)
