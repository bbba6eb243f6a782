-- The interaction log (issue 10): users with their segment attributes, and every exposure of a
-- video to a user with what the user did. Exposures are partitioned by month of exposed_at; the
-- loader creates a month's partition before its first row (there is no default partition, so a
-- new month never has to move rows out of one).

CREATE TABLE users (
    user_id     text        PRIMARY KEY,
    age_band    text,
    city_tier   text,
    gender      text,
    attributes  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE exposures (
    event_id     text             NOT NULL,
    user_id      text             NOT NULL,
    video_id     text             NOT NULL,
    exposed_at   timestamptz      NOT NULL,
    clicked      boolean          NOT NULL,
    watch_ratio  double precision NOT NULL CHECK (watch_ratio >= 0),
    completed    boolean          NOT NULL,
    liked        boolean          NOT NULL,
    exploration  boolean          NOT NULL DEFAULT false,
    position     integer          CHECK (position >= 0),
    -- A partitioned table's keys include the partition column; event ids are unique on their own
    -- because the loaders insert only events whose id is not stored yet.
    PRIMARY KEY (event_id, exposed_at)
) PARTITION BY RANGE (exposed_at);

-- No secondary indexes: the readers (effect aggregation, role identification) scan a time window,
-- which partition pruning already bounds, and each index would cost the loader a random btree
-- insert per row (with two of them a 1M-row load took 11 s to insert instead of 2 s).
