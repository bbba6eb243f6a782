-- The revision of a video's content (issue 13): 1 for its first upload, one more for each upload
-- that changed it. Uploads signal their revision to the ingest run, which keeps the highest, so
-- that signals arriving out of order cannot turn a run back to older content.
ALTER TABLE ingest_state ADD COLUMN revision bigint NOT NULL DEFAULT 1 CHECK (revision >= 1);

-- The reconciler's question, every few minutes: which unfinished videos have not moved lately.
CREATE INDEX ingest_state_unfinished_idx ON ingest_state (updated_at) WHERE stage NOT IN ('done', 'failed');
