-- LiveService: every change a watcher cares about is announced, in the committing
-- transaction, on the channel "<schema>.live" (PostgreSQL delivers a NOTIFY only
-- when its transaction commits, to every replica that LISTENs). The payload is a
-- hint, "<kinds> <conversation_id>": m when messages were appended, o when the
-- owner changed. Watchers read what changed back from the tables.
CREATE FUNCTION live_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kinds text := '';
BEGIN
    IF TG_OP = 'INSERT' THEN
        kinds := 'm';
        IF NEW.owner_kind <> 'agent' THEN
            kinds := 'mo';
        END IF;
    ELSE
        IF NEW.message_count IS DISTINCT FROM OLD.message_count THEN
            kinds := 'm';
        END IF;
        IF (NEW.owner_kind, NEW.owner_id, NEW.owner_since)
           IS DISTINCT FROM (OLD.owner_kind, OLD.owner_id, OLD.owner_since) THEN
            kinds := kinds || 'o';
        END IF;
    END IF;
    IF kinds <> '' THEN
        PERFORM pg_notify(TG_TABLE_SCHEMA || '.live', kinds || ' ' || NEW.conversation_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER conversations_live_notify
    AFTER INSERT OR UPDATE ON conversations
    FOR EACH ROW EXECUTE FUNCTION live_notify();
