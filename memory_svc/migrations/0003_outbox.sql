-- The transactional outbox: a turn's side effects are committed in the same
-- statement as its messages, and memory_svc's relay hands them to integrations_svc.

-- CRM status as v1 settled it: 'queued' became 'pending' (a sync is owed), and a
-- failed sync says why.
UPDATE leads SET crm_status = 'pending' WHERE crm_status = 'queued';
ALTER TABLE leads
    ADD COLUMN crm_error text NOT NULL DEFAULT '',
    -- The sync_lead action that last asked for this lead to be synced: only its
    -- outcome moves crm_status, so an older sync finishing late never overwrites
    -- what a newer one owes. Checked on the row itself, so it holds under
    -- concurrent appends.
    ADD COLUMN sync_action uuid,
    ADD CONSTRAINT leads_crm_status_check CHECK (crm_status IN ('new', 'pending', 'synced', 'failed'));

-- Every guardrail check that acted on a message (atende.common.v1.GuardrailAction as JSON).
ALTER TABLE messages ADD COLUMN guardrails jsonb NOT NULL DEFAULT '[]';

CREATE TABLE actions (
    action_id uuid PRIMARY KEY,
    -- Commit order, for delivering one person's lead syncs oldest first.
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    -- "<message_id>:<index>": the id of the turn's last message and the action's
    -- position in the request. integrations_svc queues one job per key.
    idempotency_key text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('sync_lead', 'send_email', 'book_meeting', 'track_event')),
    user_id text NOT NULL,
    conversation_id text NOT NULL,
    -- The serialized atende.common.v1.AgentAction, exactly as the turn gave it.
    payload bytea NOT NULL,
    -- sync_lead: the lead as the turn committed it, so every attempt sends the
    -- identical request (integrations_svc refuses a key reused for another one).
    lead jsonb,
    -- pending: owed to integrations_svc; accepted: a sync_lead integrations_svc
    -- queued, followed until the CRM has it; done; failed (last_error says why);
    -- cancelled: an operator stopped it.
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'done', 'failed', 'cancelled')),
    -- Calls to integrations_svc that did not get an answer it meant (down, timed out).
    attempts integer NOT NULL DEFAULT 0,
    -- When the relay looks at the row next; bumped by a lease on every claim, so a
    -- relay that dies mid-call leaves the row to be tried again. A new row is due at
    -- once ('epoch'), whatever the clocks of the replicas and of PostgreSQL say.
    next_attempt_at timestamptz NOT NULL DEFAULT 'epoch',
    -- The claim that holds the row: outcomes of an expired claim are dropped.
    lease_token uuid,
    last_error text NOT NULL DEFAULT '',
    -- integrations_svc's job, once accepted.
    job_id text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- The relay: rows due for a delivery or a follow-up.
CREATE INDEX actions_due_idx ON actions (next_attempt_at) WHERE status IN ('pending', 'accepted');
-- The relay: is an older lead sync of the same person still owed?
CREATE INDEX actions_pending_sync_idx ON actions (user_id, seq) WHERE kind = 'sync_lead' AND status = 'pending';
-- LGPD erase.
CREATE INDEX actions_user_idx ON actions (user_id);
-- The retention job: finished rows.
CREATE INDEX actions_finished_idx ON actions (updated_at) WHERE status IN ('done', 'failed', 'cancelled');
