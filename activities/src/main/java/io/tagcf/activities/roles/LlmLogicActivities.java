package io.tagcf.activities.roles;

import io.tagcf.models.logic.LlmLogicRequest;
import io.tagcf.models.logic.LogicRunSummary;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The LLM-sourced half of the tag-logic graph; runs on the rate-limited LLM queue. */
@ActivityInterface
public interface LlmLogicActivities {

  @ActivityMethod
  LogicRunSummary generateLlmLogic(LlmLogicRequest request);
}
