"""Retention: what is past the retention period, deleted in short batches by one
replica at a time."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime

from atende_runtime.postgres import Pool
from memory_svc.postgres.base import PgBase, all_rows, one_row

QUERIES = {
    "expire_conversations": """
        DELETE FROM {s}.conversations WHERE conversation_id IN (
            SELECT conversation_id FROM {s}.conversations
            WHERE update_time < %s ORDER BY update_time LIMIT %s
            FOR UPDATE SKIP LOCKED)
        RETURNING conversation_id""",
    "expire_interactions": """
        DELETE FROM {s}.interactions WHERE interaction_id IN (
            SELECT interaction_id FROM {s}.interactions
            WHERE create_time < %s ORDER BY create_time LIMIT %s
            FOR UPDATE SKIP LOCKED)""",
    # Outbox rows nobody will look at again.
    "expire_actions": """
        DELETE FROM {s}.actions WHERE action_id IN (
            SELECT action_id FROM {s}.actions
            WHERE status IN ('done', 'failed', 'cancelled') AND updated_at < %s ORDER BY updated_at LIMIT %s
            FOR UPDATE SKIP LOCKED)""",
}


class PgRetention(PgBase):
    def __init__(self, pool: Pool, schema: str, queries: Mapping[str, str]) -> None:
        super().__init__(pool, schema, queries)
        # One advisory lock per schema: replicas sharing the schema take turns.
        self._retention_lock = int.from_bytes(
            hashlib.sha256(f"atende-memory-retention:{schema}".encode()).digest()[:8], "big", signed=True
        )

    async def expire(self, cutoff: datetime, batch: int = 500) -> tuple[list[str], int, int] | None:
        """Deletes conversations idle since before `cutoff` (with their messages),
        interactions older than it and outbox rows finished before it, in short
        batches. None when another replica is already doing it."""
        conversation_ids: list[str] = []
        interactions = actions = 0
        async with self._connection() as conn:
            cursor = await conn.execute("SELECT pg_try_advisory_lock(%s) AS locked", (self._retention_lock,))
            row = await one_row(cursor)
            if not row or not row["locked"]:
                return None
            try:
                while True:
                    cursor = await conn.execute(self.q["expire_conversations"], (cutoff, batch))
                    ids = [r["conversation_id"] for r in await all_rows(cursor)]
                    conversation_ids.extend(ids)
                    if len(ids) < batch:
                        break
                while True:
                    deleted = (await conn.execute(self.q["expire_interactions"], (cutoff, batch))).rowcount
                    interactions += deleted
                    if deleted < batch:
                        break
                while True:
                    deleted = (await conn.execute(self.q["expire_actions"], (cutoff, batch))).rowcount
                    actions += deleted
                    if deleted < batch:
                        break
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (self._retention_lock,))
        return conversation_ids, interactions, actions
