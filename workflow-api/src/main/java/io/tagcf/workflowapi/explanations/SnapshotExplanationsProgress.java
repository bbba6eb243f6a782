package io.tagcf.workflowapi.explanations;

/**
 * How far a snapshot's explanations are.
 *
 * @param lastVideoId the last video of the pages done; null before the first
 * @param videos videos gone through
 * @param created explanations written
 * @param existing explanations that were stored before (on demand, or an earlier attempt)
 * @param failed explanation runs that failed
 * @param done whether every page is done
 */
public record SnapshotExplanationsProgress(long snapshotId, String lastVideoId, int videos, int created,
    int existing, int failed, boolean done) {

  public static SnapshotExplanationsProgress start(long snapshotId) {
    return new SnapshotExplanationsProgress(snapshotId, null, 0, 0, 0, 0, false);
  }
}
