package io.tagcf.activities.llm;

import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The creator's daily LLM budget, asked before a video's LLM tagging (a local activity). */
@ActivityInterface
public interface LlmBudgetActivities {

  /**
   * Takes the calls of one video's LLM tagging from its creator's budget for today (UTC).
   *
   * @return false, taking nothing, when the creator has spent the day's budget: the video is then
   *     tagged offline
   */
  @ActivityMethod
  boolean takeLlmTagging(VideoRef video);
}
