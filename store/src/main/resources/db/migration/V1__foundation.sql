-- Foundation schema: videos, their ingest state, the tag vocabulary with embeddings, video-tag
-- assignments with provenance, and video embeddings.
--
-- Vectors are stored in an untyped `vector` column together with the model name and dimension,
-- so that a deployment can switch embedding model (512-dim Chinese, 384-dim English) without a
-- migration. Each supported dimension gets a partial HNSW index on a cast expression; queries
-- repeat the cast and the `dim = N` predicate so that the planner can use it.

CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE videos (
    video_id      text PRIMARY KEY,
    creator_id    text             NOT NULL,
    title         text             NOT NULL,
    description   text,
    transcript    text,
    cover_text    text,
    duration_sec  double precision,
    language      text             NOT NULL,
    published_at  timestamptz,
    content_hash  text             NOT NULL,
    created_at    timestamptz      NOT NULL DEFAULT now(),
    updated_at    timestamptz      NOT NULL DEFAULT now()
);
CREATE INDEX videos_creator_idx ON videos (creator_id);

CREATE TABLE ingest_state (
    video_id      text PRIMARY KEY REFERENCES videos (video_id) ON DELETE CASCADE,
    content_hash  text        NOT NULL,
    stage         text        NOT NULL
        CHECK (stage IN ('queued', 'tagging', 'normalising', 'embedding', 'done', 'failed')),
    workflow_id   text        NOT NULL,
    error         text,
    queued_at     timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ingest_state_stage_idx ON ingest_state (stage);

CREATE TABLE vocabulary_versions (
    version          text PRIMARY KEY,
    embedding_model  text        NOT NULL,
    tag_count        integer     NOT NULL,
    loaded_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tags (
    tag_id        bigserial PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('item', 'audience')),
    slug          text        NOT NULL,
    label_en      text,
    label_zh      text,
    category      text,
    keywords_en   text[]      NOT NULL DEFAULT '{}',
    keywords_zh   text[]      NOT NULL DEFAULT '{}',
    status        text        NOT NULL CHECK (status IN ('vocabulary', 'candidate')),
    origin        text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz,
    UNIQUE (kind, slug)
);

CREATE TABLE tag_embeddings (
    tag_id     bigint  NOT NULL REFERENCES tags (tag_id) ON DELETE CASCADE,
    kind       text    NOT NULL CHECK (kind IN ('item', 'audience')),
    text_kind  text    NOT NULL CHECK (text_kind IN ('label_en', 'label_zh', 'profile')),
    text       text    NOT NULL,
    model      text    NOT NULL,
    dim        integer NOT NULL,
    embedding  vector  NOT NULL,
    PRIMARY KEY (tag_id, text_kind, model),
    CHECK (vector_dims(embedding) = dim)
);
CREATE INDEX tag_embeddings_hnsw_512 ON tag_embeddings
    USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE dim = 512;
CREATE INDEX tag_embeddings_hnsw_384 ON tag_embeddings
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE dim = 384;

CREATE TABLE video_tags (
    video_id          text             NOT NULL REFERENCES videos (video_id) ON DELETE CASCADE,
    tag_id            bigint           NOT NULL REFERENCES tags (tag_id),
    kind              text             NOT NULL CHECK (kind IN ('item', 'audience')),
    score             double precision NOT NULL CHECK (score >= 0 AND score <= 1),
    rank              integer          NOT NULL,
    raw_label         text             NOT NULL,
    match_similarity  double precision NOT NULL,
    tagger            text             NOT NULL CHECK (tagger IN ('offline', 'llm', 'fallback')),
    tagger_model      text,
    prompt_version    text,
    content_hash      text             NOT NULL,
    created_at        timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, tag_id)
);
CREATE INDEX video_tags_tag_idx ON video_tags (tag_id);

CREATE TABLE video_embeddings (
    video_id      text        NOT NULL REFERENCES videos (video_id) ON DELETE CASCADE,
    model         text        NOT NULL,
    dim           integer     NOT NULL,
    content_hash  text        NOT NULL,
    embedding     vector      NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (video_id, model),
    CHECK (vector_dims(embedding) = dim)
);
CREATE INDEX video_embeddings_hnsw_512 ON video_embeddings
    USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE dim = 512;
CREATE INDEX video_embeddings_hnsw_384 ON video_embeddings
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE dim = 384;
