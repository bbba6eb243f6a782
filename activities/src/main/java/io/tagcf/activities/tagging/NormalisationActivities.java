package io.tagcf.activities.tagging;

import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Maps raw tags onto the vocabulary (or onto new candidate tags). */
@ActivityInterface
public interface NormalisationActivities {

  @ActivityMethod
  NormalisedTags normaliseTags(VideoRef video, TagExtraction extraction);
}
