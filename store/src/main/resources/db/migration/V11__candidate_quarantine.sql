-- Quarantine of candidate tags (issue 13, vocabulary poisoning). A label a tagger proposed becomes
-- a candidate tag; until videos of enough distinct creators carry it (TAGCF_CANDIDATE_MIN_CREATORS)
-- or an admin approves it, it is no merge target for other labels, no member of the cover set and
-- not listed by the tag API. The threshold is a setting, so "released" is decided when reading:
-- status = 'vocabulary' OR approved_at IS NOT NULL OR creator_count >= the setting.
ALTER TABLE tags ADD COLUMN approved_at timestamptz;
ALTER TABLE tags ADD COLUMN approved_by text;
ALTER TABLE tags ADD COLUMN creator_count integer NOT NULL DEFAULT 0 CHECK (creator_count >= 0);

-- How many videos of each creator carry each tag. Reads need only tags.creator_count; this table
-- is what lets a trigger keep it exact without counting a tag's videos again on every write.
CREATE TABLE tag_creators (
    tag_id      bigint NOT NULL REFERENCES tags (tag_id) ON DELETE CASCADE,
    creator_id  text   NOT NULL,
    videos      bigint NOT NULL CHECK (videos >= 0),
    PRIMARY KEY (tag_id, creator_id)
);

INSERT INTO tag_creators (tag_id, creator_id, videos)
SELECT vt.tag_id, v.creator_id, count(*) FROM video_tags vt JOIN videos v ON v.video_id = vt.video_id
GROUP BY vt.tag_id, v.creator_id;

UPDATE tags t SET creator_count = c.n
FROM (SELECT tag_id, count(*) AS n FROM tag_creators GROUP BY tag_id) c
WHERE c.tag_id = t.tag_id;

-- Statement triggers, as V9's. Every writer of tag_creators locks the rows of its tags first, in
-- tag_id order (V9's trigger, which fires first by name, has taken them already), so two videos
-- of different creators tagged at once cannot both miss each other and count one creator each:
-- the second waits for the first to commit, and its next statement sees the first's rows.
CREATE FUNCTION tag_creators_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tags WHERE tag_id IN (SELECT tag_id FROM changed_rows) ORDER BY tag_id FOR NO KEY UPDATE;
  UPDATE tags t SET creator_count = t.creator_count + f.n
  FROM (SELECT p.tag_id, count(*) AS n
        FROM (SELECT DISTINCT r.tag_id, v.creator_id FROM changed_rows r JOIN videos v ON v.video_id = r.video_id) p
        WHERE NOT EXISTS (SELECT 1 FROM tag_creators tc WHERE tc.tag_id = p.tag_id AND tc.creator_id = p.creator_id)
        GROUP BY p.tag_id) f
  WHERE t.tag_id = f.tag_id;
  INSERT INTO tag_creators AS tc (tag_id, creator_id, videos)
  SELECT r.tag_id, v.creator_id, count(*) FROM changed_rows r JOIN videos v ON v.video_id = r.video_id
  GROUP BY r.tag_id, v.creator_id
  ON CONFLICT (tag_id, creator_id) DO UPDATE SET videos = tc.videos + excluded.videos;
  RETURN NULL;
END $$;

CREATE FUNCTION tag_creators_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM tags WHERE tag_id IN (SELECT tag_id FROM changed_rows) ORDER BY tag_id FOR NO KEY UPDATE;
  UPDATE tag_creators tc SET videos = tc.videos - g.n
  FROM (SELECT r.tag_id, v.creator_id, count(*) AS n FROM changed_rows r JOIN videos v ON v.video_id = r.video_id
        GROUP BY r.tag_id, v.creator_id) g
  WHERE tc.tag_id = g.tag_id AND tc.creator_id = g.creator_id;
  WITH emptied AS (
    DELETE FROM tag_creators tc WHERE tc.tag_id IN (SELECT tag_id FROM changed_rows) AND tc.videos = 0
    RETURNING tc.tag_id)
  UPDATE tags t SET creator_count = t.creator_count - e.n
  FROM (SELECT tag_id, count(*) AS n FROM emptied GROUP BY tag_id) e WHERE t.tag_id = e.tag_id;
  RETURN NULL;
END $$;

-- Names sort after V9's video_tags_counted_*: triggers of one event fire in name order.
CREATE TRIGGER video_tags_creators_insert AFTER INSERT ON video_tags
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tag_creators_added();
CREATE TRIGGER video_tags_creators_delete AFTER DELETE ON video_tags
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION tag_creators_removed();

-- The delete trigger finds a row's creator in videos. A deleted video's tags would go by the
-- foreign key's cascade after the video row, when its creator can no longer be read; deleting
-- them first, while the row is still there, keeps the counts right.
CREATE FUNCTION video_tags_before_video() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM video_tags WHERE video_id = OLD.video_id;
  RETURN OLD;
END $$;

CREATE TRIGGER videos_tags_first BEFORE DELETE ON videos
  FOR EACH ROW EXECUTE FUNCTION video_tags_before_video();

-- A video's creator never changes (an upload under another creator is refused), and the counts
-- rely on it: refuse it here too rather than count wrong.
CREATE FUNCTION videos_creator_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the creator of video % cannot change', OLD.video_id USING ERRCODE = 'check_violation';
END $$;

CREATE TRIGGER videos_creator_fixed BEFORE UPDATE OF creator_id ON videos
  FOR EACH ROW WHEN (OLD.creator_id IS DISTINCT FROM NEW.creator_id) EXECUTE FUNCTION videos_creator_fixed();

CREATE FUNCTION tag_creators_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM tag_creators;
  UPDATE tags SET creator_count = 0 WHERE creator_count <> 0;
  RETURN NULL;
END $$;

CREATE TRIGGER video_tags_creators_truncate AFTER TRUNCATE ON video_tags
  FOR EACH STATEMENT EXECUTE FUNCTION tag_creators_reset();
