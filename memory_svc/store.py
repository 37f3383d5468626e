"""PostgreSQL, the durable truth. Every query text is fixed at start-up (the schema
is the only variable part), so the pool's connections prepare each one once."""

from __future__ import annotations

import hashlib
import re
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

from psycopg import AsyncConnection, AsyncCursor, AsyncRawCursor, OperationalError, sql
from psycopg.errors import UniqueViolation
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb
from psycopg_pool import AsyncConnectionPool, PoolTimeout

from atende_runtime.errors import FailedPrecondition, InvalidArgument, NotFound, Unavailable
from atende_runtime.postgres import migrate
from memory_svc.models import (
    ACTION_SYNC_LEAD,
    LEAD_SNAPSHOT_FIELDS,
    OWNER_AGENT,
    AppendRequest,
    AppendResult,
    Bant,
    CitationData,
    Conversation,
    ConversationInfo,
    Erased,
    GuardrailData,
    IntentData,
    Interaction,
    InteractionInput,
    Lead,
    LeadFilter,
    LeadInput,
    OutboxAction,
    Owner,
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
    "conversation_id, seq, message_id, role, text, agent, channel, intent, metadata, citations, guardrails,"
    " client_message_id, create_time"
)
_M_MESSAGE_COLUMNS = ", ".join(f"m.{c.strip()} AS m_{c.strip()}" for c in _MESSAGE_COLUMNS.split(","))
_LEAD_COLUMNS = (
    "lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline, source,"
    " crm_status, crm_id, crm_error, conversation_id, version, create_time, update_time"
)
_L_LEAD_COLUMNS = ", ".join(f"l.{c.strip()} AS l_{c.strip()}" for c in _LEAD_COLUMNS.split(","))
_R_CONVERSATION_COLUMNS = ", ".join(f"r.{c.strip()}" for c in _CONVERSATION_COLUMNS.split(","))
_ACTION_COLUMNS = (
    "action_id, idempotency_key, kind, user_id, conversation_id, payload, lead, status, attempts, job_id, lease_token"
)
_A_ACTION_COLUMNS = ", ".join(f"a.{c.strip()}" for c in _ACTION_COLUMNS.split(","))
_INTERACTION_COLUMNS = "interaction_id, conversation_id, user_id, user_input, agent_response, agent, metadata, create_time"

# The messages of a turn, numbered after the sequence numbers `reserved` took.
_INSERT_MESSAGES = """inserted AS (
            INSERT INTO {s}.messages
                (conversation_id, seq, message_id, role, text, agent, channel, intent, metadata, citations,
                 guardrails, client_message_id, turn_position, create_time)
            SELECT r.conversation_id, r.message_count - %(n)s + 1 + x.pos, x.message_id, x.role, x.text,
                   x.agent, COALESCE(NULLIF(%(channel)s, ''), r.channel), x.intent, x.metadata, x.citations,
                   COALESCE(x.guardrails, '[]'), %(cmid)s, x.pos, r.update_time
            FROM reserved r
            CROSS JOIN jsonb_to_recordset(%(rows)s) AS x(
                message_id uuid, role text, text text, agent text, intent jsonb, metadata jsonb,
                citations jsonb, guardrails jsonb, pos smallint)
        )"""

# The turn's lead update, with the messages: only when they were stored. The same
# merge as "upsert_lead" (non-empty fields win, a positive score wins); the person,
# the source (the request's channel) and the conversation come from the turn. A
# sync_lead action (l_sync: the last one's id) makes a sync owed, in this statement.
_MERGE_LEAD = """lead_up AS (
            INSERT INTO {s}.leads AS l
                (lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline,
                 source, crm_status, crm_error, conversation_id, sync_action)
            SELECT %(l_id)s, r.user_id, %(l_name)s, %(l_email)s, %(l_phone)s, %(l_company)s, %(l_score)s,
                   %(l_budget)s, %(l_authority)s, %(l_need)s, %(l_timeline)s,
                   COALESCE(NULLIF(%(channel)s, ''), r.channel),
                   CASE WHEN %(l_sync)s::uuid IS NULL THEN 'new' ELSE 'pending' END, '',
                   r.conversation_id, %(l_sync)s::uuid
            FROM reserved r WHERE %(l_on)s
            ON CONFLICT (user_id) DO UPDATE SET
                name = COALESCE(NULLIF(EXCLUDED.name, ''), l.name),
                email = COALESCE(NULLIF(EXCLUDED.email, ''), l.email),
                phone = COALESCE(NULLIF(EXCLUDED.phone, ''), l.phone),
                company = COALESCE(NULLIF(EXCLUDED.company, ''), l.company),
                score = CASE WHEN EXCLUDED.score > 0 THEN EXCLUDED.score ELSE l.score END,
                budget = COALESCE(NULLIF(EXCLUDED.budget, ''), l.budget),
                authority = COALESCE(NULLIF(EXCLUDED.authority, ''), l.authority),
                need = COALESCE(NULLIF(EXCLUDED.need, ''), l.need),
                timeline = COALESCE(NULLIF(EXCLUDED.timeline, ''), l.timeline),
                source = COALESCE(NULLIF(EXCLUDED.source, ''), l.source),
                crm_status = CASE WHEN EXCLUDED.sync_action IS NULL THEN l.crm_status ELSE 'pending' END,
                crm_error = CASE WHEN EXCLUDED.sync_action IS NULL THEN l.crm_error ELSE '' END,
                sync_action = COALESCE(EXCLUDED.sync_action, l.sync_action),
                conversation_id = EXCLUDED.conversation_id,
                version = DEFAULT,
                update_time = now()
            RETURNING """ + _LEAD_COLUMNS + """
        )"""

# The turn's actions into the outbox, with the messages: only when they were stored.
# A sync_lead row keeps the lead as this statement committed it.
_QUEUE_ACTIONS = """queued AS (
            INSERT INTO {s}.actions (action_id, idempotency_key, kind, user_id, conversation_id, payload, lead)
            SELECT x.action_id, x.idempotency_key, x.kind, r.user_id, r.conversation_id, x.payload,
                   CASE WHEN x.kind = 'sync_lead' THEN
                       (SELECT jsonb_build_object(""" + ", ".join(f"'{f}', lu.{f}" for f in LEAD_SNAPSHOT_FIELDS) + """)
                        FROM lead_up lu)
                   END
            FROM reserved r
            CROSS JOIN unnest(%(a_ids)s::uuid[], %(a_keys)s::text[], %(a_kinds)s::text[], %(a_payloads)s::bytea[])
                WITH ORDINALITY AS x(action_id, idempotency_key, kind, payload, pos)
            -- Identity values follow this order: a request's lead syncs are delivered in it.
            ORDER BY x.pos
            RETURNING 1
        )"""

# What an append returns: the conversation after it, the lead after its update and
# how many actions it queued; no row when nothing was stored.
_APPEND_RESULT = (
    f"SELECT {_R_CONVERSATION_COLUMNS}, "
    + ", ".join(f"lu.{c.strip()} AS l_{c.strip()}" for c in _LEAD_COLUMNS.split(","))
    + ", (SELECT count(*) FROM queued) AS actions_stored"
    + " FROM reserved r LEFT JOIN lead_up lu ON true"
)

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
        ), {_INSERT_MESSAGES}, {_RECORD_INTERACTION}, {_MERGE_LEAD}, {_QUEUE_ACTIONS}
        {_APPEND_RESULT}""",
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
        ), {_INSERT_MESSAGES}, {_RECORD_INTERACTION}, {_MERGE_LEAD}, {_QUEUE_ACTIONS}
        {_APPEND_RESULT}""",
    "owner": "SELECT user_id, owner_kind, owner_id, owner_since FROM {s}.conversations WHERE conversation_id = %s",
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
    # One lead per person: merges non-empty fields into the stored lead. A client
    # that sets crm_status sets crm_error with it (kept only for "failed").
    "upsert_lead": f"""
        INSERT INTO {{s}}.leads AS l
            (lead_id, user_id, name, email, phone, company, score, budget, authority, need, timeline,
             source, crm_status, crm_id, crm_error, conversation_id)
        VALUES (%(lead_id)s, %(user_id)s, %(name)s, %(email)s, %(phone)s, %(company)s, %(score)s,
                %(budget)s, %(authority)s, %(need)s, %(timeline)s, %(source)s,
                COALESCE(NULLIF(%(crm_status)s, ''), 'new'), %(crm_id)s,
                CASE WHEN %(crm_status)s = 'failed' THEN %(crm_error)s ELSE '' END, %(conversation_id)s)
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
            crm_error = CASE WHEN %(crm_status)s = '' THEN l.crm_error
                             WHEN %(crm_status)s = 'failed' THEN %(crm_error)s ELSE '' END,
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
    "delete_actions": "DELETE FROM {s}.actions WHERE user_id = %s",
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
    # Outbox rows nobody will look at again.
    "expire_actions": """
        DELETE FROM {s}.actions WHERE action_id IN (
            SELECT action_id FROM {s}.actions
            WHERE status IN ('done', 'failed', 'cancelled') AND updated_at < %s ORDER BY updated_at LIMIT %s
            FOR UPDATE SKIP LOCKED)""",
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
        RETURNING {_A_ACTION_COLUMNS}""",
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
                last_error = %(error)s, lease_token = NULL, updated_at = now()
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
            RETURNING {", ".join("l." + c.strip() for c in _LEAD_COLUMNS.split(","))}
        )
        SELECT f.action_id, {", ".join(f"lead.{c.strip()} AS l_{c.strip()}" for c in _LEAD_COLUMNS.split(","))}
        FROM finished f LEFT JOIN lead ON true""",
}

# The queries of the turn's hot path, sent with PostgreSQL's own $n placeholders.
# psycopg converts %(name)s placeholders on every call for a query longer than 4 KB
# (or with more than 50 parameters), which the append with its lead and outbox
# parts is: half a millisecond of CPU a turn. Converted once here instead.
_NATIVE = ("append", "append_existing")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


class _NativeQuery:
    """A query with $n placeholders and the parameter name each number stands for."""

    def __init__(self, text: str) -> None:
        names: list[str] = []

        def number(match: re.Match[str]) -> str:
            if match.group(1) not in names:
                names.append(match.group(1))
            return f"${names.index(match.group(1)) + 1}"

        if "%%" in text or _PLACEHOLDER.sub("", text).count("%s"):
            raise ValueError("a native query takes named placeholders only")
        self.text = _PLACEHOLDER.sub(number, text).encode()
        self.names = tuple(names)

    def params(self, values: dict[str, Any]) -> list[Any]:
        return [values[name] for name in self.names]


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
        self._native = {name: _NativeQuery(self.q[name]) for name in _NATIVE}
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
        action_ids = [str(uuid.uuid4()) for _ in request.actions]
        # The newest sync asked for: the one whose outcome the lead will show.
        sync_action = next(
            (aid for aid, a in zip(reversed(action_ids), reversed(request.actions), strict=True)
             if a.kind == ACTION_SYNC_LEAD),
            None,
        )
        lead = request.lead or LeadInput(user_id="")
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
                        "guardrails": [_guardrail_json(g) for g in new.guardrails],
                        "pos": pos,
                    }
                    for pos, new in enumerate(request.messages)
                ]
            ),
            "l_on": request.lead is not None or sync_action is not None,
            "l_id": str(uuid.uuid4()),
            "l_name": lead.name,
            "l_email": lead.email,
            "l_phone": lead.phone,
            "l_company": lead.company,
            "l_score": lead.score,
            "l_budget": lead.qualification.budget,
            "l_authority": lead.qualification.authority,
            "l_need": lead.qualification.need,
            "l_timeline": lead.qualification.timeline,
            "l_sync": sync_action,
            "a_ids": action_ids,
            # The key is derived from what the turn stored, so it is the same for
            # every delivery attempt and never collides with another turn's.
            "a_keys": [f"{ids[-1]}:{index}" for index in range(len(request.actions))],
            "a_kinds": [a.kind for a in request.actions],
            "a_payloads": [a.payload for a in request.actions],
        }
        # Only an agent may own a conversation that does not exist yet, so a turn that
        # requires another owner can only extend an existing one.
        creates = bool(request.user_id) and (
            not request.required_owner_kinds or OWNER_AGENT in request.required_owner_kinds
        )
        query = self._native["append" if creates else "append_existing"]
        async with self._connection() as conn:
            try:
                raw = AsyncRawCursor(conn, row_factory=dict_row)
                row = await _one(await raw.execute(query.text, query.params(params)))
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
                guardrails=new.guardrails,
            )
            for pos, new in enumerate(request.messages)
        ]
        result = AppendResult(messages, replayed=False, actions_stored=int(row["actions_stored"]))
        if row["l_lead_id"] is not None:
            result.lead = _lead(row, "l_")
        return result, info

    async def owner(self, conversation_id: str) -> Owner:
        """Who owns the conversation now; an agent for one that does not exist yet."""
        async with self._connection() as conn:
            row = await _one(await conn.execute(self.q["owner"], (conversation_id,)))
        if row is None:
            return Owner()
        return Owner(row["owner_kind"], row["owner_id"], row["owner_since"])

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
            "crm_error": lead.crm_error,
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

    async def expire(self, cutoff: datetime, batch: int = 500) -> tuple[list[str], int, int] | None:
        """Deletes conversations idle since before `cutoff` (with their messages),
        interactions older than it and outbox rows finished before it, in short
        batches. None when another replica is already doing it."""
        conversation_ids: list[str] = []
        interactions = actions = 0
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
                while True:
                    deleted = (await conn.execute(self.q["expire_actions"], (cutoff, batch))).rowcount
                    actions += deleted
                    if deleted < batch:
                        break
            finally:
                await conn.execute("SELECT pg_advisory_unlock(%s)", (self._retention_lock,))
        return conversation_ids, interactions, actions

    # The outbox relay

    async def claim_actions(self, now: datetime, lease_until: datetime, limit: int) -> list[OutboxAction]:
        """Leases up to `limit` rows due at `now` until `lease_until`."""
        params = {"now": now, "lease_until": lease_until, "limit": limit, "token": str(uuid.uuid4())}
        async with self._connection() as conn:
            cursor = await conn.execute(self.q["claim_actions"], params)
            return [_action(r) for r in await _all(cursor)]

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
            return await _one(cursor) is not None

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
            row = await _one(await conn.execute(self.q["finish_action"], params))
        if row is None:
            return False, None
        return True, (_lead(row, "l_") if row["l_lead_id"] is not None else None)


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
        guardrails=[GuardrailData(**g) for g in row[prefix + "guardrails"] or []],
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
        crm_error=get("crm_error"),
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


def _action(row: Row) -> OutboxAction:
    return OutboxAction(
        action_id=str(row["action_id"]),
        idempotency_key=row["idempotency_key"],
        kind=row["kind"],
        user_id=row["user_id"],
        conversation_id=row["conversation_id"],
        payload=bytes(row["payload"]),
        lead=row["lead"],
        status=row["status"],
        attempts=row["attempts"],
        job_id=row["job_id"],
        lease_token=str(row["lease_token"]),
    )


def _guardrail_json(g: GuardrailData) -> dict[str, str]:
    return {"check": g.check, "action": g.action, "detail": g.detail}


def _intent_json(intent: IntentData | None) -> dict[str, Any] | None:
    if intent is None:
        return None
    return {"name": intent.name, "confidence": intent.confidence, "agent": intent.agent, "strategy": intent.strategy}


def _citation_json(c: CitationData) -> dict[str, str]:
    return {"source": c.source, "title": c.title, "snippet": c.snippet, "document_id": c.document_id}

