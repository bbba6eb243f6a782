-- The TagCF method: engagements (until the interaction logs arrive, written directly), user
-- roles, versioned cover sets of the vocabulary, and the tag-logic graph.

CREATE TABLE engagements (
    user_id     text             NOT NULL,
    video_id    text             NOT NULL REFERENCES videos (video_id) ON DELETE CASCADE,
    strength    double precision NOT NULL CHECK (strength > 0),
    engaged_at  timestamptz      NOT NULL,
    PRIMARY KEY (user_id, video_id, engaged_at)
);
CREATE INDEX engagements_time_idx ON engagements (engaged_at);

CREATE TABLE cover_set_versions (
    version        bigserial PRIMARY KEY,
    kind           text             NOT NULL CHECK (kind IN ('item', 'audience')),
    window_days    integer          NOT NULL,
    tau            double precision NOT NULL,
    coverage       double precision NOT NULL,
    covered_items  integer          NOT NULL,
    total_items    integer          NOT NULL,
    tag_count      integer          NOT NULL,
    computed_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX cover_set_versions_kind_idx ON cover_set_versions (kind, version DESC);

CREATE TABLE cover_set_members (
    version        bigint  NOT NULL REFERENCES cover_set_versions (version) ON DELETE CASCADE,
    tag_id         bigint  NOT NULL REFERENCES tags (tag_id),
    rank           integer NOT NULL,
    marginal_gain  integer NOT NULL,
    PRIMARY KEY (version, tag_id)
);
CREATE INDEX cover_set_members_tag_idx ON cover_set_members (tag_id);

CREATE TABLE user_roles (
    user_id      text             NOT NULL,
    tag_id       bigint           NOT NULL REFERENCES tags (tag_id),
    probability  double precision NOT NULL CHECK (probability > 0 AND probability <= 1),
    rank         integer          NOT NULL,
    computed_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, tag_id)
);

CREATE TABLE logic_edges (
    direction      text             NOT NULL CHECK (direction IN ('u2i', 'i2u')),
    source         text             NOT NULL CHECK (source IN ('llm', 'stats')),
    source_tag_id  bigint           NOT NULL REFERENCES tags (tag_id),
    target_tag_id  bigint           NOT NULL REFERENCES tags (tag_id),
    weight         double precision NOT NULL,
    support        double precision,
    lift           double precision,
    computed_at    timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (direction, source, source_tag_id, target_tag_id)
);
CREATE INDEX logic_edges_source_idx ON logic_edges (source_tag_id);
CREATE INDEX logic_edges_target_idx ON logic_edges (target_tag_id);
