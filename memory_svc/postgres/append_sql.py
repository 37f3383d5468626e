"""The turn's append statement. One statement (one round trip, committed on its own)
stores a turn's messages, its Interaction record, its lead update and its outbox rows,
or nothing at all; "{s}" stands for the quoted schema name."""

from __future__ import annotations

from memory_svc.outbox import LEAD_SNAPSHOT_FIELDS
from memory_svc.postgres.rows import CONVERSATION_COLUMNS, LEAD_COLUMNS, R_CONVERSATION_COLUMNS

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
            RETURNING """ + LEAD_COLUMNS + """
        )"""

# The turn's actions into the outbox, with the messages: only when they were stored.
# A sync_lead row keeps the lead as this statement committed it.
_QUEUE_ACTIONS = """queued AS (
            INSERT INTO {s}.actions (action_id, idempotency_key, kind, user_id, conversation_id, payload, lead, trace_parent)
            SELECT x.action_id, x.idempotency_key, x.kind, r.user_id, r.conversation_id, x.payload,
                   CASE WHEN x.kind = 'sync_lead' THEN
                       (SELECT jsonb_build_object(""" + ", ".join(f"'{f}', lu.{f}" for f in LEAD_SNAPSHOT_FIELDS) + """)
                        FROM lead_up lu)
                   END,
                   %(a_trace)s::text
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
    f"SELECT {R_CONVERSATION_COLUMNS}, "
    + ", ".join(f"lu.{c.strip()} AS l_{c.strip()}" for c in LEAD_COLUMNS.split(","))
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

QUERIES = {
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
            RETURNING {CONVERSATION_COLUMNS}
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
            RETURNING {CONVERSATION_COLUMNS}
        ), {_INSERT_MESSAGES}, {_RECORD_INTERACTION}, {_MERGE_LEAD}, {_QUEUE_ACTIONS}
        {_APPEND_RESULT}""",
}
