-- Role identification and the statistical logic graph read the interaction log (issue 10): the
-- engagements table of V3 becomes a view of exposures, so there is one source of truth. The table
-- held only rows that tests and the demo wrote directly; they are dropped with it.
DROP TABLE engagements;

-- An engagement is an exposure the user clicked. Its strength grades what the user did next, and
-- this is the only place the rule is written:
--   strength = 1 (the click) + 1 if the watch completed + 2 if the user liked the video
-- so 1, 2, 3 or 4: a like counts most, being the one deliberate act of the three. An exposure that
-- was not clicked is no engagement, whatever else it records.
CREATE VIEW engagements AS
SELECT user_id,
       video_id,
       (1 + CASE WHEN completed THEN 1 ELSE 0 END + CASE WHEN liked THEN 2 ELSE 0 END)::double precision AS strength,
       exposed_at AS engaged_at
FROM exposures
WHERE clicked;
