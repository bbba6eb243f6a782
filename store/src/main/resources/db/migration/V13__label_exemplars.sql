-- Labelled exemplars (issue 14): texts whose labels are trusted (a platform's own category mapped
-- onto vocabulary categories, or vocabulary tags), embedded like a video's text. The offline
-- tagger asks pgvector for a new video's nearest exemplars and lets them vote. One source (the
-- bundled KuaiRec half, say) is loaded once per embedding model, recorded in
-- label_exemplar_sources.
CREATE TABLE label_exemplars (
    model         text    NOT NULL,
    exemplar_key  text    NOT NULL,
    source        text    NOT NULL,
    categories    text[]  NOT NULL,
    tag_slugs     text[]  NOT NULL DEFAULT '{}',
    dim           integer NOT NULL,
    embedding     vector  NOT NULL,
    PRIMARY KEY (model, exemplar_key),
    CHECK (cardinality(categories) > 0 OR cardinality(tag_slugs) > 0),
    CHECK (vector_dims(embedding) = dim)
);
CREATE INDEX label_exemplars_hnsw_512 ON label_exemplars
    USING hnsw ((embedding::vector(512)) vector_cosine_ops) WHERE dim = 512;
CREATE INDEX label_exemplars_hnsw_384 ON label_exemplars
    USING hnsw ((embedding::vector(384)) vector_cosine_ops) WHERE dim = 384;

CREATE TABLE label_exemplar_sources (
    source     text        NOT NULL,
    model      text        NOT NULL,
    version    text        NOT NULL,
    rows       integer     NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (source, model)
);
