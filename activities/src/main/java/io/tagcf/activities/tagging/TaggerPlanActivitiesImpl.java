package io.tagcf.activities.tagging;

/** Answers with the worker's configured plan. */
public final class TaggerPlanActivitiesImpl implements TaggerPlanActivities {

  private final TaggerPlan plan;

  public TaggerPlanActivitiesImpl(TaggerPlan plan) {
    this.plan = plan;
  }

  @Override
  public TaggerPlan taggerPlan() {
    return plan;
  }
}
