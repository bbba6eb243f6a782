package io.tagcf.workflowapi.ingest;

import java.time.Duration;

/**
 * @param interval time between passes
 * @param minAge how long a video's ingest must not have moved before it is re-signalled
 * @param batch videos re-signalled per pass at most (the oldest first; the rest wait a pass)
 * @param runsPerExecution passes before continue-as-new
 */
public record ReconcileSchedule(Duration interval, Duration minAge, int batch, int runsPerExecution) {

  public static ReconcileSchedule every(Duration interval, Duration minAge) {
    return new ReconcileSchedule(interval, minAge, 500, 100);
  }
}
