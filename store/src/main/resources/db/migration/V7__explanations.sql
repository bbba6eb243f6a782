-- Explanations (issue 11). A snapshot keeps, besides its effects, what an explanation of one of its
-- videos compares against: each video's observed counts in the window and the user roles of the
-- users who engaged with it. Both are written when the snapshot is prepared, from the same window.

CREATE TABLE snapshot_video_metrics (
    snapshot_id  bigint  NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    video_id     text    NOT NULL,
    exposures    integer NOT NULL,
    clicks       integer NOT NULL,
    completions  integer NOT NULL,
    likes        integer NOT NULL,
    PRIMARY KEY (snapshot_id, video_id)
);

-- The roles of a video's engaged users: each user counts with P(role | user), so share is the
-- role's part of the video's engaged role mass. Only the video's top roles are kept.
CREATE TABLE snapshot_video_roles (
    snapshot_id  bigint           NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    video_id     text             NOT NULL,
    tag_id       bigint           NOT NULL REFERENCES tags (tag_id),
    share        double precision NOT NULL CHECK (share > 0 AND share <= 1),
    users        integer          NOT NULL,
    PRIMARY KEY (snapshot_id, video_id, tag_id)
);

-- One explanation per (video, snapshot, language): a newer snapshot adds a row, never rewrites one.
-- The evidence is kept exactly as the writer and the verifier saw it (json keeps the text as written).
CREATE TABLE video_explanations (
    video_id          text        NOT NULL REFERENCES videos (video_id) ON DELETE CASCADE,
    snapshot_id       bigint      NOT NULL REFERENCES effect_snapshots ON DELETE CASCADE,
    language          text        NOT NULL CHECK (language IN ('zh', 'en')),
    writer            text        NOT NULL CHECK (writer IN ('llm', 'template')),
    writer_model      text,
    prompt_version    text,
    verdict           text        NOT NULL CHECK (verdict IN ('passed', 'failed')),
    findings          jsonb       NOT NULL DEFAULT '[]',
    -- What happened to the LLM's draft: none (no LLM configured), passed, rejected (by the verifier,
    -- with llm_findings) or failed (the call failed; llm_failure is its code, never the provider's text).
    llm_outcome       text        NOT NULL CHECK (llm_outcome IN ('none', 'passed', 'rejected', 'failed')),
    llm_findings      jsonb       NOT NULL DEFAULT '[]',
    llm_failure       text,
    summary           text        NOT NULL,
    drivers           jsonb       NOT NULL,
    suggestions       jsonb       NOT NULL,
    full_text         text        NOT NULL,
    evidence_version  integer     NOT NULL,
    evidence          json        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, snapshot_id, language)
);
CREATE INDEX video_explanations_snapshot_idx ON video_explanations (snapshot_id);
