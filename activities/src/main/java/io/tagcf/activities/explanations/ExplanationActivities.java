package io.tagcf.activities.explanations;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;

/** The database side of explanations: plan a run, store its result, page a snapshot's videos. */
@ActivityInterface
public interface ExplanationActivities {

  /**
   * @throws io.temporal.failure.ApplicationFailure of type {@link ExplanationActivitiesImpl#NOT_EXPLAINABLE},
   *     not retryable, when the video does not exist or there is no such published snapshot
   */
  @ActivityMethod
  ExplanationPlan planExplanation(ExplanationTarget target);

  @ActivityMethod
  ExplanationOutcome finishExplanation(FinishRequest request);

  /** A page of the snapshot's videos with effects, in id order after {@code afterVideoId} (null: the first page). */
  @ActivityMethod
  List<String> videosToExplain(long snapshotId, String afterVideoId, int limit);
}
