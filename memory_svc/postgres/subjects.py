"""LGPD: erasing and exporting everything stored about one person."""

from __future__ import annotations

from memory_svc.models import Conversation, Erased, Interaction, Lead, StoredMessage
from memory_svc.postgres.base import PgBase, all_rows
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

QUERIES = {
    "subject_conversation_ids": (
        "SELECT conversation_id FROM {s}.conversations WHERE user_id = %s ORDER BY conversation_id FOR UPDATE"
    ),
    "delete_messages": "DELETE FROM {s}.messages WHERE conversation_id = ANY(%s)",
    "delete_conversations": "DELETE FROM {s}.conversations WHERE conversation_id = ANY(%s)",
    "delete_leads": "DELETE FROM {s}.leads WHERE user_id = %s",
    "delete_actions": "DELETE FROM {s}.actions WHERE user_id = %s",
    "delete_interactions": "DELETE FROM {s}.interactions WHERE user_id = %s OR conversation_id = ANY(%s)",
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
}


class PgSubjects(PgBase):
    async def erase_subject(self, user_id: str) -> Erased:
        async with self._connection() as conn, conn.transaction():
            # Locks the person's conversations so no append slips in between the deletes.
            cursor = await conn.execute(self.q["subject_conversation_ids"], (user_id,))
            ids = [r["conversation_id"] for r in await all_rows(cursor)]
            messages = (await conn.execute(self.q["delete_messages"], (ids,))).rowcount
            conversations = (await conn.execute(self.q["delete_conversations"], (ids,))).rowcount
            # Before the lead: the relay locks an action, then its lead, and so must this.
            actions = (await conn.execute(self.q["delete_actions"], (user_id,))).rowcount
            leads = (await conn.execute(self.q["delete_leads"], (user_id,))).rowcount
            interactions = (await conn.execute(self.q["delete_interactions"], (user_id, ids))).rowcount
        return Erased(conversations, messages, leads, interactions, ids, actions)

    async def export_subject(self, user_id: str) -> tuple[list[Conversation], list[Lead], list[Interaction]]:
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
        conversations = [Conversation(info, by_conversation.get(info.conversation_id, [])) for info in infos]
        return conversations, leads, interactions
