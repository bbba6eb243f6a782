-- LLM tagging: which provider produced a tag, and why a video fell back to the offline tagger.
ALTER TABLE video_tags ADD COLUMN provider text;
ALTER TABLE video_tags ADD COLUMN fallback_reason text;
