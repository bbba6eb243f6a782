package io.tagcf.activities.coverset;

import io.tagcf.models.coverset.CoverSetSummary;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Recomputes and stores the cover set of one tag kind (paper Alg. 1). */
@ActivityInterface
public interface CoverSetActivities {

  @ActivityMethod
  CoverSetSummary refreshCoverSet(CoverSetRequest request);
}
