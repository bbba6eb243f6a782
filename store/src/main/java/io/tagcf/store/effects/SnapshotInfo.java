package io.tagcf.store.effects;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot's metadata: its window, segmentation, size and progress. {@code status} is running,
 * published or failed; only published snapshots have effects that readers see.
 */
public record SnapshotInfo(
    long snapshotId, String status, Instant windowStart, Instant windowEnd, String segmentScheme,
    List<String> segments, String tagSource, int tags, int videos, long exposures, int shardsTotal,
    int shardsDone, Integer cellsEstimated, Integer cellsInsufficient, String error, Instant startedAt,
    Instant publishedAt) {}
