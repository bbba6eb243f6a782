package io.tagcf.activities.explanations;

import io.tagcf.models.explanations.Evidence;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The LLM's explanation draft: on the LLM task queue, under its rate limit. */
@ActivityInterface
public interface LlmExplanationActivities {

  @ActivityMethod
  LlmDraft draftExplanation(Evidence evidence, String language);
}
