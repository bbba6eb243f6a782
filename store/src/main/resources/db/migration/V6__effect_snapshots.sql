-- Effect snapshots (issue 10). One EffectEstimationWorkflow run writes one snapshot: its input
-- (per video x segment sufficient statistics and the video-level design) while it runs, then each
-- tag shard's estimates and attributions, then flips the status to 'published' in one statement.
-- Readers only ever read published snapshots, so none sees a half-written one.

CREATE TABLE effect_snapshots (
    snapshot_id        bigserial   PRIMARY KEY,
    -- workflow id / run id: preparing the same run twice (an activity retry) finds its snapshot.
    run_key            text        NOT NULL UNIQUE,
    status             text        NOT NULL CHECK (status IN ('running', 'published', 'failed')),
    window_start       timestamptz NOT NULL,
    window_end         timestamptz NOT NULL,
    segment_scheme     text        NOT NULL,
    settings           jsonb       NOT NULL,
    tag_source         text,
    segments           text[]      NOT NULL DEFAULT '{}',
    tag_ids            bigint[]    NOT NULL DEFAULT '{}',
    videos             integer     NOT NULL DEFAULT 0,
    exposures          bigint      NOT NULL DEFAULT 0,
    shards_total       integer     NOT NULL DEFAULT 0,
    shards_done        integer     NOT NULL DEFAULT 0,
    cells_estimated    integer,
    cells_insufficient integer,
    error              text,
    started_at         timestamptz NOT NULL DEFAULT now(),
    published_at       timestamptz
);
CREATE INDEX effect_snapshots_published_idx ON effect_snapshots (snapshot_id) WHERE status = 'published';

-- The snapshot's input, kept while it runs (shards read it) and dropped when it is published.
CREATE TABLE effect_cell_stats (
    snapshot_id          bigint  NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    video_id             text    NOT NULL,
    segment              text    NOT NULL,
    exposures            integer NOT NULL,
    clicks               integer NOT NULL,
    completions          integer NOT NULL,
    likes                integer NOT NULL,
    explore_exposures    integer NOT NULL,
    explore_clicks       integer NOT NULL,
    explore_completions  integer NOT NULL,
    explore_likes        integer NOT NULL,
    PRIMARY KEY (snapshot_id, video_id, segment)
);

CREATE TABLE effect_snapshot_videos (
    snapshot_id  bigint             NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    video_id     text               NOT NULL,
    category     text,
    tag_ids      bigint[]           NOT NULL,
    covariates   double precision[] NOT NULL,
    PRIMARY KEY (snapshot_id, video_id)
);

CREATE TABLE effect_shards (
    snapshot_id  bigint      NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    shard        integer     NOT NULL,
    tags         integer     NOT NULL,
    cells        integer     NOT NULL,
    seconds      double precision NOT NULL,
    done_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (snapshot_id, shard)
);

CREATE TABLE tag_effects (
    snapshot_id        bigint           NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    tag_id             bigint           NOT NULL REFERENCES tags (tag_id),
    segment            text             NOT NULL,
    outcome            text             NOT NULL CHECK (outcome IN ('click', 'completion', 'like')),
    status             text             NOT NULL CHECK (status IN ('estimated', 'insufficient')),
    reason             text,
    videos             integer          NOT NULL,
    treated_videos     integer          NOT NULL,
    control_videos     integer          NOT NULL,
    exposures          bigint           NOT NULL,
    treated_exposures  bigint           NOT NULL,
    estimate           double precision,
    se                 double precision,
    ci_low             double precision,
    ci_high            double precision,
    naive_estimate     double precision,
    naive_se           double precision,
    ipw_estimate       double precision,
    ipw_se             double precision,
    iv_estimate        double precision,
    iv_se              double precision,
    iv_first_stage_f   double precision,
    ess_treated        double precision,
    ess_control        double precision,
    clipped_share      double precision,
    placebo_estimate   double precision,
    placebo_se         double precision,
    placebo_passed     boolean,
    control_mean       double precision,
    sensitivity        double precision,
    robust             boolean          NOT NULL,
    -- A number only where the cell was estimated; an insufficient cell says why instead.
    CHECK ((status = 'estimated') = (estimate IS NOT NULL AND reason IS NULL)),
    PRIMARY KEY (snapshot_id, tag_id, segment, outcome)
);
CREATE INDEX tag_effects_ranking_idx ON tag_effects (snapshot_id, outcome, segment, estimate);

CREATE TABLE video_attributions (
    snapshot_id   bigint           NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    video_id      text             NOT NULL,
    tag_id        bigint           NOT NULL,
    segment       text             NOT NULL,
    outcome       text             NOT NULL,
    exposures     integer          NOT NULL,
    observed      double precision NOT NULL,
    with_rate     double precision NOT NULL,
    with_low      double precision NOT NULL,
    with_high     double precision NOT NULL,
    without_rate  double precision NOT NULL,
    without_low   double precision NOT NULL,
    without_high  double precision NOT NULL,
    effect        double precision NOT NULL,
    effect_low    double precision NOT NULL,
    effect_high   double precision NOT NULL,
    PRIMARY KEY (snapshot_id, video_id, tag_id, segment, outcome)
);
