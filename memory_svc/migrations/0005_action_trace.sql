-- The W3C traceparent of the turn that committed an action (empty when the turn was not
-- traced): the relay's delivery, a trace of its own, links back to that turn's trace.
ALTER TABLE actions ADD COLUMN trace_parent text NOT NULL DEFAULT '';
