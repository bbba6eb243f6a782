package io.tagcf.activities.effects;

/**
 * A prepared snapshot: how many shards to run, and the size of what they estimate. {@code empty}
 * says why there is nothing to estimate (no exposures or no tags in the window); null otherwise.
 * {@code explain}: whether the run starts the snapshot's explanations once it is published, as the
 * worker is configured (recorded here so that a replay takes the same path; absent from plans
 * recorded before explanations existed, and so false there).
 */
public record SnapshotPlan(long snapshotId, int shards, int tags, int segments, int videos, long exposures,
    String empty, boolean explain) {}
