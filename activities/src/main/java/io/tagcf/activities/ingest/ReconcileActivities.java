package io.tagcf.activities.ingest;

import io.tagcf.models.video.ReconcilePass;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.time.Duration;

/** The reconciler's side effects: read the stranded videos, re-signal their runs. */
@ActivityInterface
public interface ReconcileActivities {

  /** Sends each video unmoved for {@code minAge} (at most {@code batch}) the signal-with-start of its content. */
  @ActivityMethod
  ReconcilePass resignalStranded(Duration minAge, int batch);
}
