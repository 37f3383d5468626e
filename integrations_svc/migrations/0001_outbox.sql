-- The outbox: every accepted operation, its delivery state and its lease.
CREATE TABLE jobs (
    job_id            uuid PRIMARY KEY,
    kind              text NOT NULL,
    adapter           text NOT NULL,
    idempotency_key   text NOT NULL UNIQUE,
    -- sha256 of the canonical request, to tell a replay from a reused key.
    request_hash      text NOT NULL,
    payload           jsonb NOT NULL,
    -- Jobs sharing a serial key (one lead in one CRM, one calendar) are delivered
    -- one at a time, so search-then-create never races with itself.
    serial_key        text,
    status            text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'delivered', 'dead')),
    attempts          integer NOT NULL DEFAULT 0,
    -- Attempts after which the job goes dead; NULL means the configured maximum.
    -- RetryJob raises it so a retried job gets a fresh budget.
    attempts_allowed  integer,
    vendor_id         text NOT NULL DEFAULT '',
    last_error        text NOT NULL DEFAULT '',
    next_attempt_at   timestamptz NOT NULL DEFAULT now(),
    lease_owner       text,
    lease_token       uuid,
    lease_until       timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    delivered_at      timestamptz
);

CREATE INDEX jobs_due ON jobs (next_attempt_at, created_at) WHERE status = 'queued';
CREATE INDEX jobs_newest ON jobs (created_at DESC, job_id DESC);
CREATE INDEX jobs_status_newest ON jobs (status, created_at DESC, job_id DESC);

-- One row per delivery attempt: written when the attempt starts (in the claim's
-- transaction) and finished with its outcome. A row never finished means a worker
-- died mid-delivery: the vendor may or may not have acted on it ("in doubt").
CREATE TABLE attempts (
    job_id       uuid NOT NULL REFERENCES jobs (job_id) ON DELETE CASCADE,
    attempt      integer NOT NULL,
    lease_token  uuid NOT NULL,
    worker       text NOT NULL,
    started_at   timestamptz NOT NULL DEFAULT now(),
    finished_at  timestamptz,
    outcome      text,
    error        text NOT NULL DEFAULT '',
    vendor_id    text NOT NULL DEFAULT '',
    PRIMARY KEY (job_id, attempt)
);
CREATE INDEX attempts_unfinished ON attempts (job_id) WHERE finished_at IS NULL;

-- Per-key delivery locks with a lease (see jobs.serial_key).
CREATE TABLE delivery_locks (
    lock_key     text PRIMARY KEY,
    job_id       uuid NOT NULL,
    lease_token  uuid NOT NULL,
    lease_until  timestamptz NOT NULL
);

-- The local adapters: what a vendor would have received, for offline runs.
CREATE TABLE local_crm_leads (
    lead_id          uuid PRIMARY KEY,
    -- "email:<lowercased e-mail>" or "phone:<digits>": one lead per person.
    match_key        text NOT NULL UNIQUE,
    email            text NOT NULL DEFAULT '',
    phone            text NOT NULL DEFAULT '',
    name             text NOT NULL DEFAULT '',
    company          text NOT NULL DEFAULT '',
    score            integer NOT NULL DEFAULT 0,
    qualification    jsonb NOT NULL DEFAULT '{}',
    source           text NOT NULL DEFAULT '',
    user_id          text NOT NULL DEFAULT '',
    conversation_id  text NOT NULL DEFAULT '',
    updates          integer NOT NULL DEFAULT 1,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE local_emails (
    message_id   uuid PRIMARY KEY,
    job_id       uuid NOT NULL UNIQUE,
    to_address   text NOT NULL,
    template     text NOT NULL,
    language     text NOT NULL,
    subject      text NOT NULL,
    body_text    text NOT NULL,
    body_html    text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE local_meetings (
    event_id        text PRIMARY KEY,
    job_id          uuid NOT NULL UNIQUE,
    attendee_email  text NOT NULL,
    attendee_name   text NOT NULL DEFAULT '',
    title           text NOT NULL,
    start_time      timestamptz NOT NULL,
    end_time        timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_meetings_time ON local_meetings (start_time, end_time);

CREATE TABLE local_events (
    insert_id    text PRIMARY KEY,
    job_id       uuid NOT NULL UNIQUE,
    event        text NOT NULL,
    distinct_id  text NOT NULL DEFAULT '',
    properties   jsonb NOT NULL DEFAULT '{}',
    event_time   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
