"""Reading conversations: the owner, a stored turn, the whole conversation, the
context window, what a summary is made of, and the keyset listings."""

from __future__ import annotations

from datetime import UTC, datetime

from memory_svc.models import Conversation, ConversationInfo, Lead, Owner, StoredMessage
from memory_svc.postgres.base import PgBase, all_rows, one_row
from memory_svc.postgres.rows import (
    C_CONVERSATION_COLUMNS,
    CONVERSATION_COLUMNS,
    L_LEAD_COLUMNS,
    M_MESSAGE_COLUMNS,
    MESSAGE_COLUMNS,
    to_conversation,
    to_joined,
    to_lead,
    to_message,
)

QUERIES = {
    "owner": "SELECT user_id, owner_kind, owner_id, owner_since FROM {s}.conversations WHERE conversation_id = %s",
    # `client_message_id <> ''` lets a generic plan use the partial unique index.
    "turn": f"""
        SELECT {MESSAGE_COLUMNS} FROM {{s}}.messages
        WHERE conversation_id = %s AND client_message_id = %s AND client_message_id <> ''
        ORDER BY turn_position""",
    "conversation_with_messages": f"""
        SELECT {C_CONVERSATION_COLUMNS}, {M_MESSAGE_COLUMNS}
        FROM {{s}}.conversations c
        LEFT JOIN {{s}}.messages m ON m.conversation_id = c.conversation_id
        WHERE c.conversation_id = %s
        ORDER BY m.seq""",
    # The last N messages, the conversation row and the customer's lead, from one
    # snapshot: everything a context needs when Redis does not have it.
    "window": f"""
        SELECT {C_CONVERSATION_COLUMNS}, {M_MESSAGE_COLUMNS}, {L_LEAD_COLUMNS}
        FROM {{s}}.conversations c
        LEFT JOIN LATERAL (
            SELECT * FROM {{s}}.messages
            WHERE conversation_id = c.conversation_id
            ORDER BY seq DESC LIMIT %s
        ) m ON true
        LEFT JOIN {{s}}.leads l ON l.user_id = c.user_id
        WHERE c.conversation_id = %s
        ORDER BY m.seq""",
    # What a summary is made of: the first customer message and the latest ones
    # before the context window (one more than needed, to know if some were left out).
    "summary_sources": """
        (SELECT seq, text FROM {s}.messages
         WHERE conversation_id = %(cid)s AND seq <= %(upto)s AND role = 'user'
         ORDER BY seq LIMIT 1)
        UNION ALL
        (SELECT seq, text FROM {s}.messages
         WHERE conversation_id = %(cid)s AND seq <= %(upto)s AND role = 'user'
         ORDER BY seq DESC LIMIT %(recent)s)""",
    "list_conversations_first": f"""
        SELECT {CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE user_id = %s
        ORDER BY create_time DESC, conversation_id DESC LIMIT %s""",
    "list_conversations_after": f"""
        SELECT {CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE user_id = %s AND (create_time, conversation_id) < (%s, %s)
        ORDER BY create_time DESC, conversation_id DESC LIMIT %s""",
    # Conversations in people's hands, oldest hand-off first (keyset pages).
    "list_handoffs": f"""
        SELECT {CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE owner_kind <> 'agent'
          AND (owner_kind = 'human_queue' OR %(claimed)s)
          AND (%(queue)s = '' OR COALESCE(NULLIF(handoff->>'queue', ''), 'default') = %(queue)s)
          AND (owner_since, conversation_id) > (%(after_time)s, %(after_id)s)
        ORDER BY owner_since, conversation_id LIMIT %(limit)s""",
}

# Before any hand-off: where the first page of ListHandoffs starts.
_DAWN = datetime(1970, 1, 1, tzinfo=UTC)


class PgConversations(PgBase):
    async def owner(self, conversation_id: str) -> Owner:
        """Who owns the conversation now; an agent for one that does not exist yet."""
        async with self._connection() as conn:
            row = await one_row(await conn.execute(self.q["owner"], (conversation_id,)))
        if row is None:
            return Owner()
        return Owner(row["owner_kind"], row["owner_id"], row["owner_since"])

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> list[StoredMessage]:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["turn"], (conversation_id, client_message_id))
            return [to_message(r) for r in await all_rows(cursor)]

    async def conversation(self, conversation_id: str) -> Conversation | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["conversation_with_messages"], (conversation_id,))
            return to_joined(await all_rows(cursor))

    async def window(self, conversation_id: str, last: int) -> tuple[Conversation, Lead | None] | None:
        """The conversation with its last `last` messages (oldest first), and its
        customer's lead."""
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["window"], (last, conversation_id))
            rows = await all_rows(cursor)
        conversation = to_joined(rows)
        if conversation is None:
            return None
        return conversation, to_lead(rows[0], "l_") if rows[0]["l_lead_id"] is not None else None

    async def summary_sources(self, conversation_id: str, upto: int, recent: int) -> tuple[list[str], bool]:
        """Customer messages with seq <= upto to summarize, oldest first, and whether
        some in the middle were left out."""
        async with self._connection() as conn:
            cursor = await conn.execute(
                self.q["summary_sources"], {"cid": conversation_id, "upto": upto, "recent": recent + 1}
            )
            rows = await all_rows(cursor)
        first, latest = rows[:1], rows[1:]
        kept, beyond = latest[:recent], latest[recent:]
        # One row past the recent ones that is not the first message means at least one
        # customer message between the two is left out.
        truncated = bool(beyond) and beyond[0]["seq"] != first[0]["seq"]
        texts: dict[int, str] = {int(r["seq"]): r["text"] for r in [*first, *kept]}
        return [texts[seq] for seq in sorted(texts)], truncated

    async def list_handoffs(
        self, queue: str, include_claimed: bool, limit: int, after: tuple[datetime, str] | None
    ) -> list[ConversationInfo]:
        after_time, after_id = after if after is not None else (_DAWN, "")
        params = {
            "queue": queue, "claimed": include_claimed, "after_time": after_time, "after_id": after_id, "limit": limit,
        }
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["list_handoffs"], params)
            return [to_conversation(r) for r in await all_rows(cursor)]

    async def list_conversations(
        self, user_id: str, limit: int, after: tuple[datetime, str] | None
    ) -> list[ConversationInfo]:
        async with self._connection() as conn:
            if after is None:
                cursor = await conn.execute(self.q["list_conversations_first"], (user_id, limit))
            else:
                cursor = await conn.execute(self.q["list_conversations_after"], (user_id, after[0], after[1], limit))
            return [to_conversation(r) for r in await all_rows(cursor)]
