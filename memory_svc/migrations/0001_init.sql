-- memory_svc's tables. Applied by atende_runtime.postgres.migrate with search_path set
-- to the service's schema, so names here are unqualified.

-- One row per conversation. message_count is also the last sequence number: appends
-- take this row's lock and number their messages after it, so concurrent appends to
-- one conversation are totally ordered.
CREATE TABLE conversations (
    conversation_id text PRIMARY KEY,
    user_id text NOT NULL,
    channel text NOT NULL DEFAULT '',
    agent text NOT NULL DEFAULT '',
    message_count integer NOT NULL DEFAULT 0,
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);
-- ListConversations (newest first, keyset pages) and LGPD erase/export by user.
CREATE INDEX conversations_user_idx ON conversations (user_id, create_time DESC, conversation_id DESC);
-- The retention job: conversations whose last message is older than the period.
CREATE INDEX conversations_update_time_idx ON conversations (update_time);

-- The primary key serves every read of a conversation's messages: whole, the last N,
-- and the older customer messages a summary is made of.
CREATE TABLE messages (
    conversation_id text NOT NULL REFERENCES conversations (conversation_id) ON DELETE CASCADE,
    seq integer NOT NULL,
    message_id uuid NOT NULL,
    role text NOT NULL,
    text text NOT NULL,
    agent text NOT NULL DEFAULT '',
    channel text NOT NULL DEFAULT '',
    intent jsonb,
    metadata jsonb NOT NULL DEFAULT '{}',
    citations jsonb NOT NULL DEFAULT '[]',
    client_message_id text NOT NULL DEFAULT '',
    -- Position of the message inside its turn (the request that appended it).
    turn_position smallint NOT NULL DEFAULT 0,
    create_time timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, seq)
);
-- Idempotency: a turn's messages are stored once (LookupTurn and the replay check).
CREATE UNIQUE INDEX messages_turn_idx ON messages (conversation_id, client_message_id, turn_position)
    WHERE client_message_id <> '';

-- Grows on every lead write, across all leads, so the Redis copy of a lead can be
-- replaced only by a newer one, even after the lead was erased and created again.
CREATE SEQUENCE lead_version_seq;

-- One lead per person (user_id) and business.
CREATE TABLE leads (
    lead_id uuid PRIMARY KEY,
    user_id text NOT NULL UNIQUE,
    name text NOT NULL DEFAULT '',
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    company text NOT NULL DEFAULT '',
    score smallint NOT NULL DEFAULT 0 CHECK (score BETWEEN 0 AND 100),
    budget text NOT NULL DEFAULT '',
    authority text NOT NULL DEFAULT '',
    need text NOT NULL DEFAULT '',
    timeline text NOT NULL DEFAULT '',
    source text NOT NULL DEFAULT '',
    crm_status text NOT NULL DEFAULT 'new',
    crm_id text NOT NULL DEFAULT '',
    conversation_id text NOT NULL DEFAULT '',
    version bigint NOT NULL DEFAULT nextval('lead_version_seq'),
    create_time timestamptz NOT NULL DEFAULT now(),
    update_time timestamptz NOT NULL DEFAULT now()
);
-- ListLeads: highest score first, with or without a CRM status filter.
CREATE INDEX leads_score_idx ON leads (score DESC, lead_id);
CREATE INDEX leads_status_score_idx ON leads (crm_status, score DESC, lead_id);

-- The seed's Interaction record, for audit and analytics.
CREATE TABLE interactions (
    interaction_id uuid PRIMARY KEY,
    conversation_id text NOT NULL,
    user_id text NOT NULL,
    user_input text NOT NULL DEFAULT '',
    agent_response text NOT NULL DEFAULT '',
    agent text NOT NULL DEFAULT '',
    metadata jsonb NOT NULL DEFAULT '{}',
    create_time timestamptz NOT NULL DEFAULT now()
);
-- LGPD erase/export find a person's interactions by user and by conversation.
CREATE INDEX interactions_user_idx ON interactions (user_id, create_time);
CREATE INDEX interactions_conversation_idx ON interactions (conversation_id);
-- The retention job.
CREATE INDEX interactions_create_time_idx ON interactions (create_time);
