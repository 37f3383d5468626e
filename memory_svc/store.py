"""PostgreSQL, the durable truth. Every query text is fixed at start-up (the schema
is the only variable part), so the pool's connections prepare each one once."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from psycopg import AsyncConnection, AsyncCursor, OperationalError, sql
from psycopg.errors import UniqueViolation
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from atende_runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from atende_runtime.postgres import migrate
from memory_svc.models import (
    OWNER_AGENT,
    AppendRequest,
    AppendResult,
    Bant,
    CitationData,
    Conversation,
    ConversationInfo,
    Erased,
    IntentData,
    Interaction,
    InteractionInput,
    Lead,
    LeadFilter,
    LeadInput,
    StoredMessage,
)

MIGRATIONS = Path(__file__).parent / "migrations"
Row = dict[str, Any]

_CONVERSATION_COLUMNS = (
    "conversation_id, user_id, channel, agent, message_count, create_time, update_time,"
    " owner_kind, owner_id, owner_since, handoff"
)
_C_CONVERSATION_COLUMNS = ", ".join(f"c.{c.strip()}" for c in _CONVERSATION_COLUMNS.split(","))
_MESSAGE_COLUMNS = (
    "conversation_id, seq, message_id, role, text, agent, channel, intent, metadata, citations,"
    " client_message_id, create_time"
)
_M_MESSAGE_COLUMNS = ", ".join(f"m.{c.strip()} AS m_{c.strip()}" for c in _MESSAGE_COLUMNS.split(","))
_LEAD_COLUMNS = (
    "lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline, source,"
    " crm_status, crm_id, conversation_id, version, create_time, update_time"
)
_L_LEAD_COLUMNS = ", ".join(f"l.{c.strip()} AS l_{c.strip()}" for c in _LEAD_COLUMNS.split(","))
_INTERACTION_COLUMNS = "interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata, create_time"

# The messages of a turn, numbered after the sequence numbers `reserved` took.
_INSERT_MESSAGES = """inserted AS (
            INSERT INTO {s}.messages
                (conversation_id, seq, message_id, role, text, agent, channel, intent, metadata, citations,
                 client_message_id, turn_position, create_time)
            SELECT r.conversation_id, r.message_count - %(n)s + 1 + x.pos, x.message_id, x.role, x.text,
                   x.agent, COALESCE(NULLIF(%(channel)s, ''), r.channel), x.intent, x.metadata, x.citations,
                   %(cmid)s, x.pos, r.update_time
            FROM reserved r
            CROSS JOIN jsonb_to_recordset(%(rows)s) AS x(
                message_id uuid, role text, text text, agent text, intent jsonb, metadata jsonb,
                citations jsonb, pos smallint)
        )"""

# The turn's Interaction record, with the messages: only when they were stored.
_RECORD_INTERACTION = """recorded AS (
            INSERT INTO {s}.interactions
                (interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata)
            SELECT %(i_id)s, r.conversation_id, r.user_id, %(i_input)s, %(i_response)s, %(i_agent)s, %(i_metadata)s
            FROM reserved r WHERE %(i_on)s
        )"""

# The owner a turn requires: one of the kinds (none: any), and when a person owns
# the conversation, that person (when an id is given).
_OWNER_REQUIRED = """(cardinality(%(req_kinds)s::text[]) = 0 OR c.owner_kind = ANY(%(req_kinds)s::text[]))
                AND (c.owner_kind <> 'human' OR %(req_id)s = '' OR c.owner_id = %(req_id)s)"""
# An owner change (new_kind empty: none). The packet stays while people own the
# conversation and goes when an agent takes it back.
_OWNER_CHANGE = """owner_kind = COALESCE(NULLIF(%(new_kind)s, ''), c.owner_kind),
                owner_id = CASE WHEN %(new_kind)s = '' THEN c.owner_id ELSE %(new_id)s END,
                owner_since = CASE WHEN %(new_kind)s = '' THEN c.owner_since ELSE now() END,
                handoff = CASE WHEN %(new_kind)s = '' THEN c.handoff
                               WHEN %(new_kind)s = 'agent' THEN NULL
                               ELSE COALESCE(%(packet)s::jsonb, c.handoff) END"""

# Queries; "{s}" is replaced by the quoted schema name.
_Q = {
    # One statement (one round trip, committed on its own) appends a turn: it creates
    # the conversation or takes its row lock, reserves the turn's sequence numbers and
    # inserts the messages after them. It does nothing when the turn is already stored,
    # or when the conversation belongs to someone else. A turn committed while this
    # statement waited for the lock is not in its snapshot: the insert then breaks the
    # unique index on (conversation_id, client_message_id, turn_position), and the
    # caller answers with the stored turn.
    "append": f"""
        WITH stored AS (
            SELECT 1 FROM {{s}}.messages
            WHERE conversation_id = %(cid)s AND client_message_id = %(cmid)s AND client_message_id <> ''
            LIMIT 1
        ), reserved AS (
            INSERT INTO {{s}}.conversations AS c
                (conversation_id, user_id, channel, agent, message_count, create_time, update_time,
                 owner_kind, owner_id, owner_since, handoff)
            SELECT %(cid)s, %(user_id)s, %(channel)s, %(agent)s, %(n)s, now(), now(),
                   COALESCE(NULLIF(%(new_kind)s, ''), 'agent'), %(new_id)s,
                   CASE WHEN %(new_kind)s = '' THEN NULL ELSE now() END,
                   CASE WHEN %(new_kind)s IN ('', 'agent') THEN NULL ELSE %(packet)s::jsonb END
            WHERE NOT EXISTS (SELECT 1 FROM stored)
              -- A conversation that does not exist yet is owned by an agent.
              AND (cardinality(%(req_kinds)s::text[]) = 0 OR 'agent' = ANY(%(req_kinds)s::text[]))
            ON CONFLICT (conversation_id) DO UPDATE SET
                message_count = c.message_count + EXCLUDED.message_count,
                agent = COALESCE(NULLIF(EXCLUDED.agent, ''), c.agent),
                update_time = now(),
                {_OWNER_CHANGE}
            WHERE c.user_id = EXCLUDED.user_id
                AND {_OWNER_REQUIRED}
            RETURNING {_CONVERSATION_COLUMNS}
        ), {_INSERT_MESSAGES}, {_RECORD_INTERACTION}
        SELECT {_CONVERSATION_COLUMNS} FROM reserved""",
    # The same for a caller that did not say whose conversation it is: it must exist.
    "append_existing": f"""
        WITH stored AS (
            SELECT 1 FROM {{s}}.messages
            WHERE conversation_id = %(cid)s AND client_message_id = %(cmid)s AND client_message_id <> ''
            LIMIT 1
        ), reserved AS (
            UPDATE {{s}}.conversations AS c SET
                message_count = c.message_count + %(n)s,
                agent = COALESCE(NULLIF(%(agent)s, ''), c.agent),
                update_time = now(),
                {_OWNER_CHANGE}
            WHERE conversation_id = %(cid)s AND NOT EXISTS (SELECT 1 FROM stored)
                AND (%(user_id)s = '' OR c.user_id = %(user_id)s)
                AND {_OWNER_REQUIRED}
            RETURNING {_CONVERSATION_COLUMNS}
        ), {_INSERT_MESSAGES}, {_RECORD_INTERACTION}
        SELECT {_CONVERSATION_COLUMNS} FROM reserved""",
    "owner": "SELECT user_id, owner_kind, owner_id FROM {s}.conversations WHERE conversation_id = %s",
    # `client_message_id <> ''` lets a generic plan use the partial unique index.
    "turn": f"""
        SELECT {_MESSAGE_COLUMNS} FROM {{s}}.messages
        WHERE conversation_id = %s AND client_message_id = %s AND client_message_id <> ''
        ORDER BY turn_position""",
    "conversation_with_messages": f"""
        SELECT {_C_CONVERSATION_COLUMNS}, {_M_MESSAGE_COLUMNS}
        FROM {{s}}.conversations c
        LEFT JOIN {{s}}.messages m ON m.conversation_id = c.conversation_id
        WHERE c.conversation_id = %s
        ORDER BY m.seq""",
    # The last N messages and the conversation row, from one snapshot.
    # The last N messages, the conversation row and the customer's lead, from one
    # snapshot: everything a context needs when Redis does not have it.
    "window": f"""
        SELECT {_C_CONVERSATION_COLUMNS}, {_M_MESSAGE_COLUMNS}, {_L_LEAD_COLUMNS}
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
        SELECT {_CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE user_id = %s
        ORDER BY create_time DESC, conversation_id DESC LIMIT %s""",
    "list_conversations_after": f"""
        SELECT {_CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE user_id = %s AND (create_time, conversation_id) < (%s, %s)
        ORDER BY create_time DESC, conversation_id DESC LIMIT %s""",
    # Conversations in people's hands, oldest hand-off first (keyset pages).
    "list_handoffs": f"""
        SELECT {_CONVERSATION_COLUMNS} FROM {{s}}.conversations
        WHERE owner_kind <> 'agent'
          AND (owner_kind = 'human_queue' OR %(claimed)s)
          AND (%(queue)s = '' OR COALESCE(NULLIF(handoff->>'queue', ''), 'default') = %(queue)s)
          AND (owner_since, conversation_id) > (%(after_time)s, %(after_id)s)
        ORDER BY owner_since, conversation_id LIMIT %(limit)s""",
    "insert_interaction": f"""
        INSERT INTO {{s}}.interactions
            (interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata)
        VALUES (%s, %s, %s, %s, %s, %s, %s)
        RETURNING {_INTERACTION_COLUMNS}""",
    # One lead per person: merges non-empty fields into the stored lead.
    "upsert_lead": f"""
        INSERT INTO {{s}}.leads AS l
            (lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline,
             source, crm_status, crm_id, conversation_id)
        VALUES (%(lead_id)s, %(user_id)s, %(name)s, %(email)s, %(phone)s, %(company)s, %(score)s,
                %(budget)s, %(authority)s, %(need)s, %(timeline)s, %(source)s,
                COALESCE(NULLIF(%(crm_status)s, ''), 'new'), %(crm_id)s, %(conversation_id)s)
        ON CONFLICT (user_id) DO UPDATE SET
            name = COALESCE(NULLIF(%(name)s, ''), l.name),
            email = COALESCE(NULLIF(%(email)s, ''), l.email),
            phone = COALESCE(NULLIF(%(phone)s, ''), l.phone),
            company = COALESCE(NULLIF(%(company)s, ''), l.company),
            score = CASE WHEN %(score)s > 0 THEN %(score)s ELSE l.score END,
            budget = COALESCE(NULLIF(%(budget)s, ''), l.budget),
            authority = COALESCE(NULLIF(%(authority)s, ''), l.authority),
            need = COALESCE(NULLIF(%(need)s, ''), l.need),
            timeline = COALESCE(NULLIF(%(timeline)s, ''), l.timeline),
            source = COALESCE(NULLIF(%(source)s, ''), l.source),
            crm_status = COALESCE(NULLIF(%(crm_status)s, ''), l.crm_status),
            crm_id = COALESCE(NULLIF(%(crm_id)s, ''), l.crm_id),
            conversation_id = COALESCE(NULLIF(%(conversation_id)s, ''), l.conversation_id),
            version = DEFAULT,
            update_time = now()
        RETURNING {_LEAD_COLUMNS}, (xmax = 0) AS created""",
    "lead_by_id": f"SELECT {_LEAD_COLUMNS} FROM {{s}}.leads WHERE lead_id = %s",
    "lead_by_user": f"SELECT {_LEAD_COLUMNS} FROM {{s}}.leads WHERE user_id = %s",
    # Highest score first; the `score <= last` bound lets the scan start at the page.
    "list_leads": f"""
        SELECT {_LEAD_COLUMNS} FROM {{s}}.leads
        WHERE score BETWEEN %(min)s AND %(max)s AND score <= %(last_score)s
          AND (score < %(last_score)s OR lead_id > %(last_id)s)
        ORDER BY score DESC, lead_id LIMIT %(limit)s""",
    "list_leads_status": f"""
        SELECT {_LEAD_COLUMNS} FROM {{s}}.leads
        WHERE crm_status = %(status)s
          AND score BETWEEN %(min)s AND %(max)s AND score <= %(last_score)s
          AND (score < %(last_score)s OR lead_id > %(last_id)s)
        ORDER BY score DESC, lead_id LIMIT %(limit)s""",
    "subject_conversation_ids": (
        "SELECT conversation_id FROM {s}.conversations WHERE user_id = %s ORDER BY conversation_id FOR UPDATE"
    ),
    "delete_messages": "DELETE FROM {s}.messages WHERE conversation_id = ANY(%s)",
    "delete_conversations": "DELETE FROM {s}.conversations WHERE conversation_id = ANY(%s)",
    "delete_leads": "DELETE FROM {s}.leads WHERE user_id = %s",
    "delete_interactions": "DELETE FROM {s}.interactions WHERE user_id = %s OR conversation_id = ANY(%s)",
    "export_conversations": f"""
        SELECT {_CONVERSATION_COLUMNS} FROM {{s}}.conversations WHERE user_id = %s
        ORDER BY create_time, conversation_id""",
    "export_messages": f"""
        SELECT {", ".join("m." + c.strip() for c in _MESSAGE_COLUMNS.split(","))}
        FROM {{s}}.messages m JOIN {{s}}.conversations c ON c.conversation_id = m.conversation_id
        WHERE c.user_id = %s
        ORDER BY m.conversation_id, m.seq""",
    "export_leads": f"SELECT {_LEAD_COLUMNS} FROM {{s}}.leads WHERE user_id = %s",
    "export_interactions": f"""
        SELECT {_INTERACTION_COLUMNS} FROM {{s}}.interactions
        WHERE user_id = %s OR conversation_id = ANY(%s)
        ORDER BY create_time, interaction_id""",
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
}

_NIL_UUID = "00000000-0000-0000-0000-000000000000"
# Before any hand-off: where the first page of ListHandoffs starts.
_DAWN = datetime(1970, 1, 1, tzinfo=UTC)


class OwnerMismatch(FailedPrecondition):
    """The conversation is not owned as the request required: nothing was stored."""

    def __init__(self, kind: str, owner_id: str) -> None:
        holder = {"agent": "an AI agent", "human_queue": "the human queue", "human": "a person"}.get(kind, kind)
        super().__init__(f"the conversation is held by {holder} ({owner_id or 'default'}); nothing was stored")
        self.kind = kind
        self.owner_id = owner_id


class PostgresStore:
    def __init__(self, pool: AsyncConnectionPool, schema: str) -> None:
        self.pool = pool
        self.schema = schema
        quoted = sql.Identifier(schema).as_string(None)
        self.q = {name: text.replace("{s}", quoted) for name, text in _Q.items()}
        self._retention_lock = int.from_bytes(
            hashlib.sha256(f"atende-memory-retention:{schema}".encode()).digest()[:8], "big", signed=True
        )

    @asynccontextmanager
    async def _connection(self) -> AsyncIterator[AsyncConnection[Any]]:
        """A pooled connection; PostgreSQL being away becomes UNAVAILABLE (retryable),
        not an internal error."""
        try:
            async with self.pool.connection() as conn:
                yield conn
        except (OperationalError, PoolTimeout) as error:
            raise Unavailable("PostgreSQL is unavailable; try again") from error

    async def migrate(self) -> list[str]:
        return await migrate(self.pool, self.schema, MIGRATIONS)

    # Conversations

    async def append(self, request: AppendRequest) -> tuple[AppendResult, ConversationInfo | None]:
        """Commits the turn and returns it with the conversation as it is after it; a
        turn already stored comes back with replayed=True and no conversation."""
        n = len(request.messages)
        ids = [str(uuid.uuid4()) for _ in request.messages]
        interaction = request.interaction or InteractionInput(request.conversation_id, request.user_id, "", "", "")
        params = {
            "cid": request.conversation_id,
            "user_id": request.user_id,
            "channel": request.channel,
            "agent": request.agent,
            "cmid": request.client_message_id,
            "n": n,
            "req_kinds": list(request.required_owner_kinds),
            "req_id": request.required_owner_id,
            "new_kind": request.new_owner_kind,
            "new_id": request.new_owner_id,
            "packet": Jsonb(request.handoff) if request.handoff is not None else None,
            "i_on": request.interaction is not None,
            "i_id": str(uuid.uuid4()),
            "i_input": interaction.user_input,
            "i_response": interaction.agent_response,
            "i_agent": interaction.agent,
            "i_metadata": Jsonb(interaction.metadata),
            "rows": Jsonb(
                [
                    {
                        "message_id": ids[pos],
                        "role": new.role,
                        "text": new.text,
                        "agent": new.agent,
                        "intent": _intent_json(new.intent),
                        "metadata": new.metadata,
                        "citations": [_citation_json(c) for c in new.citations],
                        "pos": pos,
                    }
                    for pos, new in enumerate(request.messages)
                ]
            ),
        }
        # Only an agent may own a conversation that does not exist yet, so a turn that
        # requires another owner can only extend an existing one.
        creates = bool(request.user_id) and (
            not request.required_owner_kinds or OWNER_AGENT in request.required_owner_kinds
        )
        query = self.q["append"] if creates else self.q["append_existing"]
        async with self._connection() as conn:
            try:
                row = await _one(await conn.execute(query, params))
            except UniqueViolation:
                row = None  # the same turn committed meanwhile; found below
            if row is None:
                # Nothing written: the turn is already stored, or the conversation is
                # missing (no user_id given) or someone else's.
                if request.client_message_id:
                    cursor = await conn.execute(self.q["turn"], (request.conversation_id, request.client_message_id))
                    stored = [_message(r) for r in await _all(cursor)]
                    if stored:
                        return AppendResult(stored, replayed=True), None
                owner = await _one(await conn.execute(self.q["owner"], (request.conversation_id,)))
                if owner is None:
                    if request.required_owner_kinds and not creates:
                        raise NotFound(f"conversation {request.conversation_id!r} does not exist")
                    raise InvalidArgument.single("user_id", "is required to start a conversation")
                if request.user_id and owner["user_id"] != request.user_id:
                    raise InvalidArgument.single("user_id", "does not match the customer of this conversation")
                raise OwnerMismatch(owner["owner_kind"], owner["owner_id"])
        info = _conversation(row)
        first = info.message_count - n + 1
        channel = request.channel or info.channel
        messages = [
            StoredMessage(
                message_id=ids[pos],
                conversation_id=request.conversation_id,
                seq=first + pos,
                role=new.role,
                text=new.text,
                agent=new.agent,
                channel=channel,
                intent=new.intent,
                create_time=info.update_time,
                client_message_id=request.client_message_id,
                metadata=new.metadata,
                citations=new.citations,
            )
            for pos, new in enumerate(request.messages)
        ]
        return AppendResult(messages, replayed=False), info

    async def lookup_turn(self, conversation_id: str, client_message_id: str) -> list[StoredMessage]:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["turn"], (conversation_id, client_message_id))
            return [_message(r) for r in await _all(cursor)]

    async def conversation(self, conversation_id: str) -> Conversation | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["conversation_with_messages"], (conversation_id,))
            return _joined(await _all(cursor))

    async def window(self, conversation_id: str, last: int) -> tuple[Conversation, Lead | None] | None:
        """The conversation with its last `last` messages (oldest first), and its
        customer's lead."""
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["window"], (last, conversation_id))
            rows = await _all(cursor)
        conversation = _joined(rows)
        if conversation is None:
            return None
        return conversation, _lead(rows[0], "l_") if rows[0]["l_lead_id"] is not None else None

    async def summary_sources(self, conversation_id: str, upto: int, recent: int) -> tuple[list[str], bool]:
        """Customer messages with seq <= upto to summarize, oldest first, and whether
        some in the middle were left out."""
        async with self._connection() as conn:
            cursor = await conn.execute(
                self.q["summary_sources"], {"cid": conversation_id, "upto": upto, "recent": recent + 1}
            )
            rows = await _all(cursor)
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
            return [_conversation(r) for r in await _all(cursor)]

    async def list_conversations(
        self, user_id: str, limit: int, after: tuple[datetime, str] | None
    ) -> list[ConversationInfo]:
        async with self._connection() as conn:
            if after is None:
                cursor = await conn.execute(self.q["list_conversations_first"], (user_id, limit))
            else:
                cursor = await conn.execute(self.q["list_conversations_after"], (user_id, after[0], after[1], limit))
            return [_conversation(r) for r in await _all(cursor)]

    # Interactions

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
            row = await _one(cursor)
        assert row is not None
        return _interaction(row)

    # Leads

    async def upsert_lead(self, lead: LeadInput) -> tuple[Lead, bool]:
        params = {
            "lead_id": str(uuid.uuid4()),
            "user_id": lead.user_id,
            "name": lead.name,
            "email": lead.email,
            "phone": lead.phone,
            "company": lead.company,
            "score": lead.score,
            "budget": lead.qualification.budget,
            "authority": lead.qualification.authority,
            "need": lead.qualification.need,
            "timeline": lead.qualification.timeline,
            "source": lead.source,
            "crm_status": lead.crm_status,
            "crm_id": lead.crm_id,
            "conversation_id": lead.conversation_id,
        }
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["upsert_lead"], params)
            row = await _one(cursor)
        assert row is not None
        return _lead(row), bool(row["created"])

    async def lead(self, lead_id: str) -> Lead | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["lead_by_id"], (lead_id,))
            row = await _one(cursor)
        return _lead(row) if row else None

    async def lead_of_user(self, user_id: str) -> Lead | None:
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["lead_by_user"], (user_id,))
            row = await _one(cursor)
        return _lead(row) if row else None

    async def list_leads(self, f: LeadFilter, limit: int, after: tuple[int, str] | None) -> list[Lead]:
        params = {
            "min": f.min_score,
            "max": f.max_score or 100,
            "status": f.crm_status,
            # The first page starts above any score.
            "last_score": after[0] if after else 101,
            "last_id": after[1] if after else _NIL_UUID,
            "limit": limit,
        }
        query = self.q["list_leads_status"] if f.crm_status else self.q["list_leads"]
        async with self._connection() as conn:
            cursor = await conn.execute(query, params)
            return [_lead(r) for r in await _all(cursor)]

    # LGPD

    async def erase_subject(self, user_id: str) -> Erased:
        async with self._connection() as conn, conn.transaction():
            # Locks the person's conversations so no append slips in between the deletes.
            cursor = await conn.execute(self.q["subject_conversation_ids"], (user_id,))
            ids = [r["conversation_id"] for r in await _all(cursor)]
            messages = (await conn.execute(self.q["delete_messages"], (ids,))).rowcount
            conversations = (await conn.execute(self.q["delete_conversations"], (ids,))).rowcount
            leads = (await conn.execute(self.q["delete_leads"], (user_id,))).rowcount
            interactions = (await conn.execute(self.q["delete_interactions"], (user_id, ids))).rowcount
        return Erased(conversations, messages, leads, interactions, ids)

    async def export_subject(self, user_id: str) -> tuple[list[Conversation], list[Lead], list[Interaction]]:
        async with self._connection() as conn, conn.transaction():
            # One snapshot for the whole export, so its parts agree with each other.
            await conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor = await conn.execute(self.q["export_conversations"], (user_id,))
            infos = [_conversation(r) for r in await _all(cursor)]
            cursor = await conn.execute(self.q["export_messages"], (user_id,))
            by_conversation: dict[str, list[StoredMessage]] = {}
            for r in await _all(cursor):
                message = _message(r)
                by_conversation.setdefault(message.conversation_id, []).append(message)
            cursor = await conn.execute(self.q["export_leads"], (user_id,))
            leads = [_lead(r) for r in await _all(cursor)]
            ids = [info.conversation_id for info in infos]
            cursor = await conn.execute(self.q["export_interactions"], (user_id, ids))
            interactions = [_interaction(r) for r in await _all(cursor)]
        conversations = [Conversation(info, by_conversation.get(info.conversation_id, [])) for info in infos]
        return conversations, leads, interactions

    # Retention

    async def expire(self, cutoff: datetime, batch: int = 500) -> tuple[list[str], int] | None:
        """Deletes conversations idle since before `cutoff` (with their messages) and
        interactions older than it, in short batches. None when another replica is
        already doing it."""
        conversation_ids: list[str] = []
        interactions = 0
        async with self._connection() as conn:
            cursor = await conn.execute("SELECT pg_try_advisory_lock(%s) AS locked", (self._retention_lock,))
            row = await _one(cursor)
            if not row or not row["locked"]:
                return None
            try:
                while True:
                    cursor = await conn.execute(self.q["expire_conversations"], (cutoff, batch))
                    ids = [r["conversation_id"] for r in await _all(cursor)]
                    conversation_ids.extend(ids)
                    if len(ids) < batch:
                        break
                while True:
                    deleted = (await conn.execute(self.q["expire_interactions"], (cutoff, batch))).rowcount
                    interactions += deleted
                    if deleted < batch:
                        break
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (self._retention_lock,))
        return conversation_ids, interactions


# Row -> domain


async def _all(cursor: AsyncCursor[Any]) -> list[Row]:
    # The pool's connections use dict_row (atende_runtime.postgres.open_pool).
    return cast(list[Row], await cursor.fetchall())


async def _one(cursor: AsyncCursor[Any]) -> Row | None:
    return cast(Row | None, await cursor.fetchone())


def _conversation(row: Row) -> ConversationInfo:
    return ConversationInfo(
        conversation_id=row["conversation_id"],
        user_id=row["user_id"],
        channel=row["channel"],
        agent=row["agent"],
        message_count=row["message_count"],
        create_time=row["create_time"],
        update_time=row["update_time"],
        owner_kind=row["owner_kind"],
        owner_id=row["owner_id"],
        owner_since=row["owner_since"],
        handoff=row["handoff"],
    )


def _message(row: Row, prefix: str = "") -> StoredMessage:
    intent = row[prefix + "intent"]
    return StoredMessage(
        message_id=str(row[prefix + "message_id"]),
        conversation_id=row[prefix + "conversation_id"],
        seq=row[prefix + "seq"],
        role=row[prefix + "role"],
        text=row[prefix + "text"],
        agent=row[prefix + "agent"],
        channel=row[prefix + "channel"],
        intent=IntentData(**intent) if intent else None,
        create_time=row[prefix + "create_time"],
        client_message_id=row[prefix + "client_message_id"],
        metadata=row[prefix + "metadata"] or {},
        citations=[CitationData(**c) for c in row[prefix + "citations"] or []],
    )


def _joined(rows: list[Row]) -> Conversation | None:
    if not rows:
        return None
    return Conversation(
        _conversation(rows[0]), [_message(r, "m_") for r in rows if r["m_seq"] is not None]
    )


def _lead(row: Row, prefix: str = "") -> Lead:
    def get(name: str) -> Any:
        return row[prefix + name]

    return Lead(
        lead_id=str(get("lead_id")),
        user_id=get("user_id"),
        name=get("name"),
        email=get("email"),
        phone=get("phone"),
        company=get("company"),
        score=get("score"),
        qualification=Bant(get("budget"), get("authority"), get("need"), get("timeline")),
        source=get("source"),
        crm_status=get("crm_status"),
        crm_id=get("crm_id"),
        conversation_id=get("conversation_id"),
        create_time=get("create_time"),
        update_time=get("update_time"),
        version=get("version"),
    )


def _interaction(row: Row) -> Interaction:
    return Interaction(
        interaction_id=str(row["interaction_id"]),
        conversation_id=row["conversation_id"],
        user_id=row["user_id"],
        user_input=row["user_input"],
        agent_response=row["agent_response"],
        agent=row["agent"],
        create_time=row["create_time"],
        metadata=row["metadata"] or {},
    )


def _intent_json(intent: IntentData | None) -> dict[str, Any] | None:
    if intent is None:
        return None
    return {"name": intent.name, "confidence": intent.confidence, "agent": intent.agent, "strategy": intent.strategy}


def _citation_json(c: CitationData) -> dict[str, str]:
    return {"source": c.source, "title": c.title, "snippet": c.snippet, "document_id": c.document_id}

