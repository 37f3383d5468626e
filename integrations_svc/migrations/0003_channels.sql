-- Customer channels (integrations_svc/channels): WhatsApp Cloud API and e-mail.

-- One row per customer address on a channel: the conversation it feeds, the
-- WhatsApp customer-service window (from the last inbound message), consent, and
-- the live follow-up of a hand-off (the last conversation message seen).
CREATE TABLE channel_contacts (
    channel          text NOT NULL CHECK (channel IN ('whatsapp', 'email')),
    address          text NOT NULL,
    user_id          text NOT NULL,
    conversation_id  text NOT NULL,
    display_name     text NOT NULL DEFAULT '',
    last_inbound_at  timestamptz,
    opted_in_at      timestamptz,
    opt_in_source    text NOT NULL DEFAULT '',
    opted_out_at     timestamptz,
    opt_out_source   text NOT NULL DEFAULT '',
    -- True while people own the conversation: its messages are followed (LiveService)
    -- and sent to the customer.
    following        boolean NOT NULL DEFAULT false,
    last_seen_message_id text NOT NULL DEFAULT '',
    -- Inbound processing is one at a time per contact (in order), across replicas.
    lease_owner      text,
    lease_until      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (channel, address)
);
CREATE INDEX channel_contacts_user ON channel_contacts (user_id);
CREATE INDEX channel_contacts_following ON channel_contacts (following) WHERE following;

-- Consent, as a ledger: every opt-in and opt-out with when and where it came from.
CREATE TABLE channel_consent (
    consent_id   uuid PRIMARY KEY,
    channel      text NOT NULL,
    address      text NOT NULL,
    user_id      text NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('opt_in', 'opt_out')),
    source       text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_consent_user ON channel_consent (user_id, created_at);

-- Every inbound delivery, stored before it is acknowledged; the vendor's message id
-- makes a redelivery a no-op. Processed in order per contact.
CREATE TABLE channel_inbound (
    inbound_id        uuid PRIMARY KEY,
    channel           text NOT NULL,
    vendor_message_id text NOT NULL,
    address           text NOT NULL,
    user_id           text NOT NULL,
    conversation_id   text NOT NULL,
    kind              text NOT NULL,
    text              text NOT NULL DEFAULT '',
    payload           jsonb NOT NULL DEFAULT '{}',
    sent_at           timestamptz,
    status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'skipped', 'failed')),
    note              text NOT NULL DEFAULT '',
    attempts          integer NOT NULL DEFAULT 0,
    received_at       timestamptz NOT NULL DEFAULT now(),
    processed_at      timestamptz,
    UNIQUE (channel, vendor_message_id)
);
CREATE INDEX channel_inbound_pending ON channel_inbound (channel, address, received_at) WHERE status = 'pending';
CREATE INDEX channel_inbound_user ON channel_inbound (user_id);

-- Every message for a customer: a reply, a person's message, a notice. source_id
-- (the conversation message or the inbound it answers) makes it once; the job
-- delivers it; the vendor's statuses (sent, delivered, read, failed) land here.
CREATE TABLE channel_outbound (
    outbound_id       uuid PRIMARY KEY,
    channel           text NOT NULL,
    address           text NOT NULL,
    user_id           text NOT NULL,
    conversation_id   text NOT NULL,
    source_id         text NOT NULL UNIQUE,
    mode              text NOT NULL CHECK (mode IN ('text', 'template', 'email')),
    template          text NOT NULL DEFAULT '',
    text              text NOT NULL DEFAULT '',
    job_id            uuid,
    -- waiting: outside the window with no template (or no consent), sent when the
    -- customer writes again; queued: a job carries it; then the vendor's statuses.
    status            text NOT NULL,
    status_detail     text NOT NULL DEFAULT '',
    vendor_message_id text NOT NULL DEFAULT '',
    statuses          jsonb NOT NULL DEFAULT '[]',
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_outbound_vendor ON channel_outbound (vendor_message_id) WHERE vendor_message_id <> '';
CREATE INDEX channel_outbound_waiting ON channel_outbound (channel, address) WHERE status = 'waiting';
CREATE INDEX channel_outbound_user ON channel_outbound (user_id);

-- E-mail threading: every Message-ID seen or sent, and its conversation.
CREATE TABLE email_threads (
    message_id       text PRIMARY KEY,
    conversation_id  text NOT NULL,
    address          text NOT NULL,
    user_id          text NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX email_threads_user ON email_threads (user_id);

-- A customer's channel messages are delivered in order (pg_store.claim).
CREATE INDEX jobs_serial_queued ON jobs (serial_key, created_at) WHERE status = 'queued';
