-- API keys (issue 12). A key is shown once when it is made; only its secret's keyed hash
-- (HMAC-SHA256 under a pepper the database never sees) is stored. A revoked key stays, so that
-- what it did can still be traced to it; a rotated key names the key that replaced it.
CREATE TABLE api_keys (
    key_id       text        PRIMARY KEY CHECK (key_id ~ '^[0-9a-f]{12}$'),
    secret_hash  text        NOT NULL,
    role         text        NOT NULL CHECK (role IN ('creator', 'service', 'admin')),
    creator_id   text,
    label        text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    revoked_at   timestamptz,
    replaced_by  text        REFERENCES api_keys (key_id),
    CHECK ((role = 'creator') = (creator_id IS NOT NULL))
);
CREATE INDEX api_keys_creator_idx ON api_keys (creator_id);
