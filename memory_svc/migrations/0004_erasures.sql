-- LGPD erasures: the receipt of each erase request, one step per store, kept as
-- proof of the erasure (with the user_id as the request gave it, and nothing else
-- about the person).
CREATE TABLE erasures (
    erasure_id uuid PRIMARY KEY,
    user_id text NOT NULL,
    create_time timestamptz NOT NULL DEFAULT now()
);
-- GetErasure checks the user; ExportSubject lists a person's receipts.
CREATE INDEX erasures_user_idx ON erasures (user_id, create_time);

CREATE TABLE erasure_steps (
    erasure_id uuid NOT NULL REFERENCES erasures (erasure_id) ON DELETE CASCADE,
    -- memory_postgres, redis, integrations_jobs, local_adapter, crm[:<vendor>],
    -- analytics[:<vendor>].
    store text NOT NULL,
    outcome text NOT NULL CHECK (outcome IN ('done', 'pending', 'failed', 'not_configured')),
    -- Counts, the vendor's answer, or why the step failed or waits.
    detail text NOT NULL DEFAULT '',
    -- integrations_svc's job carrying a vendor deletion.
    job_id text NOT NULL DEFAULT '',
    next_attempt_time timestamptz,
    update_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (erasure_id, store)
);

-- The erasure's outbox row: what integrations_svc and Redis still owe. The relay
-- delivers it like any action (leased, retried with backoff) and follows it until
-- every step is done or failed.
ALTER TABLE actions DROP CONSTRAINT actions_kind_check;
ALTER TABLE actions ADD CONSTRAINT actions_kind_check
    CHECK (kind IN ('sync_lead', 'send_email', 'book_meeting', 'track_event', 'erase_subject'));
ALTER TABLE actions
    ADD COLUMN erasure_id uuid REFERENCES erasures (erasure_id),
    -- erase_subject: the person's e-mails and phones for integrations_svc
    -- ({"emails": [...], "phones": [...]}); cleared when the row finishes.
    ADD COLUMN subject jsonb,
    -- erase_subject: Redis keys still to delete (Redis was away at the erase).
    ADD COLUMN cache_keys text[] NOT NULL DEFAULT '{}';
-- The relay's notes about an erasure's Redis keys.
CREATE INDEX actions_erasure_idx ON actions (erasure_id) WHERE erasure_id IS NOT NULL;
