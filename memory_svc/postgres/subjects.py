"""LGPD: erasing and exporting everything stored about one person, and the erasure
receipts."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from psycopg import AsyncConnection
from psycopg.types.json import Jsonb

from memory_svc.erasure import (
    INTEGRATION_STORES,
    STEP_DONE,
    STEP_PENDING,
    STORE_POSTGRES,
    STORE_REDIS,
    Erasure,
    ErasureStep,
    identifiers,
    step_order,
)
from memory_svc.models import Conversation, Erased, StoredMessage, SubjectAction, SubjectData
from memory_svc.postgres.base import PgBase, Row, all_rows
from memory_svc.postgres.rows import (
    CONVERSATION_COLUMNS,
    INTERACTION_COLUMNS,
    LEAD_COLUMNS,
    MESSAGE_COLUMNS,
    to_conversation,
    to_interaction,
    to_lead,
    to_message,
)

SUBJECT_ACTION_COLUMNS = "action_id, kind, status, conversation_id, payload, lead, created_at, updated_at"
STEP_COLUMNS = "s.store, s.outcome, s.detail, s.job_id, s.next_attempt_time, s.update_time"

QUERIES = {
    "subject_conversation_ids": (
        "SELECT conversation_id FROM {s}.conversations WHERE user_id = %s ORDER BY conversation_id FOR UPDATE"
    ),
    # The person's outbox rows, locked before their lead (the relay's order); a
    # leased row is being handed to integrations_svc right now, until its lease ends.
    "subject_actions_lock": f"""
        SELECT {SUBJECT_ACTION_COLUMNS}, (lease_token IS NOT NULL AND status IN ('pending', 'accepted')) AS in_flight,
            next_attempt_at
        FROM {{s}}.actions WHERE user_id = %s AND kind <> 'erase_subject' ORDER BY seq FOR UPDATE""",
    "delete_messages": "DELETE FROM {s}.messages WHERE conversation_id = ANY(%s)",
    "delete_conversations": "DELETE FROM {s}.conversations WHERE conversation_id = ANY(%s)",
    "delete_leads": "DELETE FROM {s}.leads WHERE user_id = %s",
    # Earlier erasures' rows stay: they carry what integrations_svc still owes.
    "delete_actions": "DELETE FROM {s}.actions WHERE user_id = %s AND kind <> 'erase_subject'",
    "delete_interactions": "DELETE FROM {s}.interactions WHERE user_id = %s OR conversation_id = ANY(%s)",
    "insert_erasure": "INSERT INTO {s}.erasures (erasure_id, user_id) VALUES (%s, %s)",
    "insert_steps": """
        INSERT INTO {s}.erasure_steps (erasure_id, store, outcome, detail)
        SELECT %s, store, outcome, detail FROM unnest(%s::text[], %s::text[], %s::text[]) AS t(store, outcome, detail)""",
    # Due once every call in flight about the person has ended (their leases), so a
    # lead sync already on its way to integrations_svc cannot arrive after the erasure.
    "insert_erase_action": """
        INSERT INTO {s}.actions (action_id, idempotency_key, kind, user_id, conversation_id, payload, erasure_id,
            subject, cache_keys, next_attempt_at)
        VALUES (%(id)s, %(key)s, 'erase_subject', %(user_id)s, '', ''::bytea, %(erasure_id)s, %(subject)s,
            %(cache_keys)s, COALESCE(%(due)s::timestamptz, 'epoch'))""",
    "export_conversations": f"""
        SELECT {CONVERSATION_COLUMNS} FROM {{s}}.conversations WHERE user_id = %s
        ORDER BY create_time, conversation_id""",
    "export_messages": f"""
        SELECT {", ".join("m." + c.strip() for c in MESSAGE_COLUMNS.split(","))}
        FROM {{s}}.messages m JOIN {{s}}.conversations c ON c.conversation_id = m.conversation_id
        WHERE c.user_id = %s
        ORDER BY m.conversation_id, m.seq""",
    "export_leads": f"SELECT {LEAD_COLUMNS} FROM {{s}}.leads WHERE user_id = %s",
    "export_interactions": f"""
        SELECT {INTERACTION_COLUMNS} FROM {{s}}.interactions
        WHERE user_id = %s OR conversation_id = ANY(%s)
        ORDER BY create_time, interaction_id""",
    "export_actions": f"""
        SELECT {SUBJECT_ACTION_COLUMNS} FROM {{s}}.actions WHERE user_id = %s AND kind <> 'erase_subject'
        ORDER BY seq""",
    "erasure": f"""
        SELECT e.erasure_id, e.user_id, e.create_time, {STEP_COLUMNS}
        FROM {{s}}.erasures e LEFT JOIN {{s}}.erasure_steps s ON s.erasure_id = e.erasure_id
        WHERE e.erasure_id = %s""",
    "erasures_of_user": f"""
        SELECT e.erasure_id, e.user_id, e.create_time, {STEP_COLUMNS}
        FROM {{s}}.erasures e LEFT JOIN {{s}}.erasure_steps s ON s.erasure_id = e.erasure_id
        WHERE e.user_id = %s ORDER BY e.create_time, e.erasure_id""",
    # A step's news; a final outcome is never taken back to pending (a late answer
    # of an earlier follow-up), and an unchanged step keeps its time.
    "upsert_step": """
        INSERT INTO {s}.erasure_steps AS s (erasure_id, store, outcome, detail, job_id, next_attempt_time)
        VALUES (%(id)s, %(store)s, %(outcome)s, %(detail)s, %(job_id)s, %(next)s)
        ON CONFLICT (erasure_id, store) DO UPDATE SET outcome = EXCLUDED.outcome, detail = EXCLUDED.detail,
            job_id = EXCLUDED.job_id, next_attempt_time = EXCLUDED.next_attempt_time, update_time = now()
        WHERE (s.outcome = 'pending' OR EXCLUDED.outcome <> 'pending')
          AND (s.outcome, s.detail, s.job_id, s.next_attempt_time)
              IS DISTINCT FROM (EXCLUDED.outcome, EXCLUDED.detail, EXCLUDED.job_id, EXCLUDED.next_attempt_time)""",
    "drop_step": "DELETE FROM {s}.erasure_steps WHERE erasure_id = %s AND store = %s",
    # What the relay met instead of an answer, on every step integrations_svc owes.
    "note_steps": f"""
        UPDATE {{s}}.erasure_steps SET outcome = %(outcome)s, detail = %(detail)s, update_time = now()
        WHERE erasure_id = %(id)s AND outcome = 'pending'
          AND store NOT IN ('{STORE_POSTGRES}', '{STORE_REDIS}')
          AND (outcome, detail) IS DISTINCT FROM (%(outcome)s, %(detail)s)""",
    "cache_swept": f"""
        WITH row AS (
            UPDATE {{s}}.actions SET cache_keys = '{{}}', updated_at = now()
            WHERE erasure_id = %(id)s AND kind = 'erase_subject' RETURNING action_id
        )
        UPDATE {{s}}.erasure_steps SET outcome = 'done', detail = %(detail)s, next_attempt_time = NULL,
            update_time = now()
        WHERE erasure_id = %(id)s AND store = '{STORE_REDIS}' AND outcome = 'pending'""",
}


def _subject_action(row: Row) -> SubjectAction:
    return SubjectAction(
        action_id=str(row["action_id"]),
        kind=row["kind"],
        status=row["status"],
        conversation_id=row["conversation_id"],
        payload=bytes(row["payload"]),
        lead=row["lead"],
        create_time=row["created_at"],
        update_time=row["updated_at"],
    )


def _receipts(rows: list[Row]) -> list[Erasure]:
    """Erasures joined with their steps, in the order of the rows."""
    found: dict[str, Erasure] = {}
    for row in rows:
        erasure_id = str(row["erasure_id"])
        erasure = found.get(erasure_id)
        if erasure is None:
            erasure = found[erasure_id] = Erasure(erasure_id, row["user_id"], row["create_time"])
        if row["store"] is not None:
            erasure.steps.append(
                ErasureStep(
                    store=row["store"], outcome=row["outcome"], detail=row["detail"], job_id=row["job_id"],
                    next_attempt_time=row["next_attempt_time"], update_time=row["update_time"],
                )
            )
    for erasure in found.values():
        erasure.steps.sort(key=lambda step: step_order(step.store))
    return list(found.values())


def _erased_detail(erased: Erased) -> str:
    return (
        f"deleted {erased.conversations} conversation(s) with {erased.messages} message(s) and their hand-off"
        f" packets, {erased.leads} lead(s), {erased.interactions} interaction(s), {erased.actions} outbox action(s)"
    )


class PgSubjects(PgBase):
    async def erase_subject(
        self, user_id: str, erasure_id: str, cache_keys: Callable[[list[str]], list[str]]
    ) -> Erased:
        """Deletes the person from every table in one transaction, and commits with it
        the receipt and the outbox row that carries the rest of the erasure (to
        integrations_svc, and the Redis keys `cache_keys` names for the conversations)."""
        async with self._connection() as conn, conn.transaction():
            # Locks the person's conversations so no append slips in between the deletes.
            cursor = await conn.execute(self.q["subject_conversation_ids"], (user_id,))
            ids = [r["conversation_id"] for r in await all_rows(cursor)]
            cursor = await conn.execute(self.q["subject_actions_lock"], (user_id,))
            action_rows = await all_rows(cursor)
            cursor = await conn.execute(self.q["export_leads"], (user_id,))
            leads = [to_lead(r) for r in await all_rows(cursor)]
            messages = (await conn.execute(self.q["delete_messages"], (ids,))).rowcount
            conversations = (await conn.execute(self.q["delete_conversations"], (ids,))).rowcount
            # Before the lead: the relay locks an action, then its lead, and so must this.
            actions = (await conn.execute(self.q["delete_actions"], (user_id,))).rowcount
            deleted_leads = (await conn.execute(self.q["delete_leads"], (user_id,))).rowcount
            interactions = (await conn.execute(self.q["delete_interactions"], (user_id, ids))).rowcount
            erased = Erased(conversations, messages, deleted_leads, interactions, ids, actions)
            emails, phones = identifiers(leads, [_subject_action(r) for r in action_rows])
            in_flight: list[datetime] = [r["next_attempt_at"] for r in action_rows if r["in_flight"]]
            erased.cache_keys = cache_keys(ids)
            await self._open_receipt(conn, user_id, erasure_id, erased)
            await conn.execute(
                self.q["insert_erase_action"],
                {
                    "id": uuid.uuid4(), "key": f"erase:{erasure_id}", "user_id": user_id, "erasure_id": erasure_id,
                    "subject": Jsonb({"emails": emails, "phones": phones}), "cache_keys": erased.cache_keys,
                    "due": max(in_flight, default=None),
                },
            )
            erased.erasure = await self._read_erasure(conn, erasure_id)
        return erased

    async def _open_receipt(self, conn: AsyncConnection[Any], user_id: str, erasure_id: str, erased: Erased) -> None:
        await conn.execute(self.q["insert_erasure"], (erasure_id, user_id))
        steps = [
            (STORE_POSTGRES, STEP_DONE, _erased_detail(erased)),
            (STORE_REDIS, STEP_PENDING, "deleting the cached copies"),
            *((store, STEP_PENDING, "queued for integrations_svc") for store in INTEGRATION_STORES),
        ]
        await conn.execute(
            self.q["insert_steps"],
            (erasure_id, [s[0] for s in steps], [s[1] for s in steps], [s[2] for s in steps]),
        )

    async def _read_erasure(self, conn: AsyncConnection[Any], erasure_id: str) -> Erasure | None:
        cursor = await conn.execute(self.q["erasure"], (erasure_id,))
        found = _receipts(await all_rows(cursor))
        return found[0] if found else None

    async def erasure(self, erasure_id: str) -> Erasure | None:
        async with self._connection() as conn:
            return await self._read_erasure(conn, erasure_id)

    async def record_erasure(self, erasure_id: str, steps: list[ErasureStep]) -> None:
        """integrations_svc's answer: its steps, replacing the "crm" and "analytics"
        stand-ins with the vendors it named."""
        named = {step.store for step in steps}
        async with self._connection() as conn, conn.transaction():
            for step in steps:
                await conn.execute(
                    self.q["upsert_step"],
                    {
                        "id": erasure_id, "store": step.store, "outcome": step.outcome, "detail": step.detail,
                        "job_id": step.job_id, "next": step.next_attempt_time,
                    },
                )
            for stand_in in ("crm", "analytics"):
                if stand_in not in named and any(store.startswith(stand_in + ":") for store in named):
                    await conn.execute(self.q["drop_step"], (erasure_id, stand_in))

    async def note_erasure(self, erasure_id: str, detail: str, *, outcome: str = STEP_PENDING) -> None:
        """What the relay met instead of integrations_svc's answer, on every step it owes."""
        async with self._connection() as conn:
            await conn.execute(self.q["note_steps"], {"id": erasure_id, "detail": detail, "outcome": outcome})

    async def erasure_cache_swept(self, erasure_id: str, deleted: int) -> None:
        detail = f"deleted {deleted} cached key(s)" if deleted else "nothing of the person was cached"
        async with self._connection() as conn:
            await conn.execute(self.q["cache_swept"], {"id": erasure_id, "detail": detail})

    async def export_subject(self, user_id: str) -> SubjectData:
        async with self._connection() as conn, conn.transaction():
            # One snapshot for the whole export, so its parts agree with each other.
            await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor = await conn.execute(self.q["export_conversations"], (user_id,))
            infos = [to_conversation(r) for r in await all_rows(cursor)]
            cursor = await conn.execute(self.q["export_messages"], (user_id,))
            by_conversation: dict[str, list[StoredMessage]] = {}
            for r in await all_rows(cursor):
                message = to_message(r)
                by_conversation.setdefault(message.conversation_id, []).append(message)
            cursor = await conn.execute(self.q["export_leads"], (user_id,))
            leads = [to_lead(r) for r in await all_rows(cursor)]
            ids = [info.conversation_id for info in infos]
            cursor = await conn.execute(self.q["export_interactions"], (user_id, ids))
            interactions = [to_interaction(r) for r in await all_rows(cursor)]
            cursor = await conn.execute(self.q["export_actions"], (user_id,))
            actions = [_subject_action(r) for r in await all_rows(cursor)]
            cursor = await conn.execute(self.q["erasures_of_user"], (user_id,))
            erasures = _receipts(await all_rows(cursor))
        conversations = [Conversation(info, by_conversation.get(info.conversation_id, [])) for info in infos]
        return SubjectData(conversations, leads, interactions, actions, erasures)
