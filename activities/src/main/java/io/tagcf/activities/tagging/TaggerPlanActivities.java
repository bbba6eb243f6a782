package io.tagcf.activities.tagging;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Tells a workflow which tagger this deployment uses (a local activity). */
@ActivityInterface
public interface TaggerPlanActivities {

  @ActivityMethod
  TaggerPlan taggerPlan();
}
