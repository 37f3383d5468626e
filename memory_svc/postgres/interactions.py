"""Interaction records written on their own (a turn stores its own with the append)."""

from __future__ import annotations

import uuid

from psycopg.types.json import Jsonb

from memory_svc.models import Interaction, InteractionInput
from memory_svc.postgres.base import PgBase, one_row
from memory_svc.postgres.rows import INTERACTION_COLUMNS, to_interaction

QUERIES = {
    "insert_interaction": f"""
        INSERT INTO {{s}}.interactions
            (interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata)
        VALUES (%s, %s, %s, %s, %s, %s, %s)
        RETURNING {INTERACTION_COLUMNS}""",
}


class PgInteractions(PgBase):
    async def record_interaction(self, item: InteractionInput) -> Interaction:
        async with self._connection() as conn:
            cursor = await conn.execute(
                self.q["insert_interaction"],
                (
                    str(uuid.uuid4()),
                    item.conversation_id,
                    item.user_id,
                    item.user_input,
                    item.agent_response,
                    item.agent,
                    Jsonb(item.metadata),
                ),
            )
            row = await one_row(cursor)
        assert row is not None
        return to_interaction(row)
