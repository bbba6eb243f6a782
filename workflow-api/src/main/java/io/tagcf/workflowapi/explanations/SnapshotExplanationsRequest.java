package io.tagcf.workflowapi.explanations;

import java.util.List;

/**
 * A snapshot's explanations, or what is left of them after {@code progress}.
 *
 * @param pageSize videos per page
 * @param parallel explanation runs in flight at once
 * @param progress what earlier runs of the chain did; its {@code lastVideoId} is where to go on
 */
public record SnapshotExplanationsRequest(long snapshotId, List<String> languages, int pageSize, int parallel,
    SnapshotExplanationsProgress progress) {

  public static SnapshotExplanationsRequest of(long snapshotId) {
    return new SnapshotExplanationsRequest(snapshotId, ExplanationRequest.LANGUAGES, 50, 8,
        SnapshotExplanationsProgress.start(snapshotId));
  }

  public SnapshotExplanationsRequest continuing(SnapshotExplanationsProgress next) {
    return new SnapshotExplanationsRequest(snapshotId, languages, pageSize, parallel, next);
  }
}
