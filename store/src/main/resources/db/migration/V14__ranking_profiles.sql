-- The ranking stage's user profiles, precomputed by the roles workflow: each user's interest in item
-- tags P(c | u) and the logic expansion T(1) of their roles with the path that explains each expanded
-- role (role -> item tag -> role). Each run replaces both whole, as it does user_roles.

CREATE TABLE user_tag_interest (
    user_id      text             NOT NULL,
    tag_id       bigint           NOT NULL REFERENCES tags (tag_id),
    probability  double precision NOT NULL CHECK (probability > 0 AND probability <= 1),
    rank         integer          NOT NULL,
    computed_at  timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, tag_id)
);

CREATE TABLE user_role_expansions (
    user_id          text             NOT NULL,
    role_tag_id      bigint           NOT NULL REFERENCES tags (tag_id),
    weight           double precision NOT NULL CHECK (weight > 0 AND weight <= 1),
    via_role_tag_id  bigint           NOT NULL REFERENCES tags (tag_id),
    via_item_tag_id  bigint           NOT NULL REFERENCES tags (tag_id),
    rank             integer          NOT NULL,
    computed_at      timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, role_tag_id)
);
