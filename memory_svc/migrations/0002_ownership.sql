-- One owner per conversation (an AI agent, the human queue or a person), changed
-- only together with the messages that record the change, in one statement, so
-- the Redis copy follows it like any other append.
ALTER TABLE conversations
    ADD COLUMN owner_kind text NOT NULL DEFAULT 'agent'
        CHECK (owner_kind IN ('agent', 'human_queue', 'human')),
    -- The agent's name, the queue's name or the person's id.
    ADD COLUMN owner_id text NOT NULL DEFAULT '',
    ADD COLUMN owner_since timestamptz,
    -- The hand-off packet (atende.common.v1.HandoffPacket as JSON) while people own it.
    ADD COLUMN handoff jsonb;
-- ListHandoffs: conversations in people's hands, oldest hand-off first.
CREATE INDEX conversations_handoff_idx ON conversations (owner_since, conversation_id)
    WHERE owner_kind <> 'agent';
