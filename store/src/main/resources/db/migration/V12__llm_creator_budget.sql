-- LLM tagging calls per creator and UTC day (issue 13): one creator's uploads cannot spend the
-- LLM quota of everyone. A row per creator and day; the check-and-take is one upsert.
CREATE TABLE llm_creator_budget (
    creator_id  text    NOT NULL,
    day         date    NOT NULL,
    calls       integer NOT NULL CHECK (calls >= 0),
    PRIMARY KEY (creator_id, day)
);
