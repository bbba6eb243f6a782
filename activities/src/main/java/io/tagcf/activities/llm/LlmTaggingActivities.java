package io.tagcf.activities.llm;

import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The paper's two LLM calls per video; they run on their own, rate-limited task queue. */
@ActivityInterface
public interface LlmTaggingActivities {

  @ActivityMethod
  LlmTags llmItemTags(VideoRef video);

  @ActivityMethod
  LlmTags llmAudienceTags(VideoRef video);
}
