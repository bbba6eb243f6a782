package io.tagcf.store.effects;

import java.util.List;

/**
 * A snapshot whose input is in place: the tags to estimate (most frequent first), the number of
 * shards they are split into and the size of the data. Zero videos or tags means there is nothing
 * to estimate in the window (and zero shards).
 */
public record PreparedSnapshot(long snapshotId, List<Long> tagIds, List<String> segments, int videos, long exposures,
    String tagSource, int shards) {}
