package io.tagcf.activities.tagging;

import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Extracts raw item and audience tags from a video's text with the offline tagger. */
@ActivityInterface
public interface TaggingActivities {

  @ActivityMethod
  TagExtraction extractTags(VideoRef video);

  /** The offline tagger standing in for an LLM that failed; the reason is stored with the tags. */
  @ActivityMethod
  TagExtraction fallbackTags(VideoRef video, String reason);
}
