"""What LiveService reads back after a notification: the messages a watcher has not
seen yet, and where a resuming watcher left off."""

from __future__ import annotations

from memory_svc.models import StoredMessage
from memory_svc.postgres.base import PgBase, all_rows, one_row
from memory_svc.postgres.rows import MESSAGE_COLUMNS, to_message

QUERIES = {
    "live_seq_of": "SELECT seq FROM {s}.messages WHERE conversation_id = %s AND message_id = %s",
    "live_messages_after": f"""
        SELECT {MESSAGE_COLUMNS} FROM {{s}}.messages
        WHERE conversation_id = %s AND seq > %s
        ORDER BY seq LIMIT %s""",
    "live_notify": "SELECT pg_notify(%s, %s)",
}


class PgLive(PgBase):
    async def seq_of(self, conversation_id: str, message_id: str) -> int | None:
        """The position of a message in its conversation; None when the conversation
        has no such message."""
        async with self._connection() as conn:
            row = await one_row(await conn.execute(self.q["live_seq_of"], (conversation_id, message_id)))
        return None if row is None else int(row["seq"])

    async def messages_after(self, conversation_id: str, seq: int, limit: int) -> list[StoredMessage]:
        """The conversation's messages stored after position `seq`, oldest first."""
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["live_messages_after"], (conversation_id, seq, limit))
            return [to_message(r) for r in await all_rows(cursor)]

    async def notify(self, channel: str, payload: str) -> None:
        """A notice for every replica's listeners (typing: nothing is stored)."""
        async with self._connection() as conn:
            await conn.execute(self.q["live_notify"], (channel, payload))
