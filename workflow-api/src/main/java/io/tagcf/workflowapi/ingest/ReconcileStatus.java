package io.tagcf.workflowapi.ingest;

import io.tagcf.models.video.ReconcilePass;

/**
 * What the reconciler has done in this execution: passes, videos re-signalled in all, the last
 * pass, and when it ended (epoch ms; 0 before the first); {@code lastError} when the last pass
 * failed as a whole (e.g. the database was unreachable), else null.
 */
public record ReconcileStatus(int passes, long signalled, ReconcilePass last, long lastPassAt, String lastError) {

  public static ReconcileStatus initial() {
    return new ReconcileStatus(0, 0, null, 0, null);
  }
}
