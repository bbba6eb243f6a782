package io.tagcf.activities.effects;

/** What one shard wrote, and how long its estimation took. */
public record ShardSummary(int shard, int tags, int cellsEstimated, int cellsInsufficient, int attributions,
    double seconds) {}
