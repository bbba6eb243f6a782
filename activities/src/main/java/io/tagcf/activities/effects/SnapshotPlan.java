package io.tagcf.activities.effects;

/**
 * A prepared snapshot: how many shards to run, and the size of what they estimate. {@code empty}
 * says why there is nothing to estimate (no exposures or no tags in the window); null otherwise.
 */
public record SnapshotPlan(long snapshotId, int shards, int tags, int segments, int videos, long exposures,
    String empty) {}
