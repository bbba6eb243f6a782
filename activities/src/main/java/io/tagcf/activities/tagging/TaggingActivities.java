package io.tagcf.activities.tagging;

import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Extracts raw item and audience tags from a video's text. */
@ActivityInterface
public interface TaggingActivities {

  @ActivityMethod
  TagExtraction extractTags(VideoRef video);
}
