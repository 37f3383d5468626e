-- The audit trail (atende.memory.v1.AuditService): one row per privileged action,
-- written by memory_svc for its own RPCs and for the batches other services send.
-- Append-only: the code has no UPDATE of it, and a trigger refuses UPDATE, TRUNCATE
-- and any DELETE but the retention job's (which sets atende.audit_retention = 'on'
-- for its transaction). Ids only, never message text.

CREATE TABLE audit_events (
    event_id uuid PRIMARY KEY,
    -- When the service received the call.
    event_time timestamptz NOT NULL,
    -- When memory_svc stored it (later than event_time for shipped batches).
    recorded_at timestamptz NOT NULL DEFAULT now(),
    -- The credential's subject ('' for the mesh's own calls).
    actor text NOT NULL,
    actor_role text NOT NULL CHECK (actor_role IN ('customer', 'agent', 'admin', 'internal', 'unknown')),
    client_address text NOT NULL,
    -- The RPC's full name, e.g. atende.memory.v1.HandoffService.ClaimConversation.
    action text NOT NULL,
    resource text NOT NULL,
    -- The gRPC status code's name.
    outcome text NOT NULL,
    detail text NOT NULL DEFAULT '',
    request_id text NOT NULL DEFAULT ''
);

-- Newest first, the listing's order and the retention job's range.
CREATE INDEX audit_events_time ON audit_events (event_time DESC, event_id DESC);
CREATE INDEX audit_events_actor ON audit_events (actor, event_time DESC, event_id DESC);
CREATE INDEX audit_events_resource ON audit_events (resource, event_time DESC, event_id DESC);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('atende.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'only the retention job deletes audit events past their retention period';
END
$$;

CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
