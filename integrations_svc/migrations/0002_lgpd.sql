-- LGPD erasures. An erased job keeps its id, kind, adapter, status and times (the
-- record of what was done) but loses its payload and errors; one that was still
-- owed is cancelled (dead) and never retried.
ALTER TABLE jobs ADD COLUMN erased_at timestamptz;

-- One row per erasure memory_svc asked for: what this service erased at once, and
-- the vendor jobs it queued (by id), so the same erasure asked again answers the
-- same steps instead of erasing again. Counts, store names and job ids only:
-- nothing about the person.
CREATE TABLE erasure_requests (
    erasure_id  text PRIMARY KEY,
    -- [{"store", "outcome", "detail", "job_id"}], as domain.ErasureStep.to_payload.
    steps       jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
