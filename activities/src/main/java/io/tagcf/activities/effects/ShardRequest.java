package io.tagcf.activities.effects;

import io.tagcf.models.effects.EffectSettings;

/** Estimate shard {@code shard} of {@code shards}: the snapshot's tags at positions shard, shard + shards, ... */
public record ShardRequest(long snapshotId, int shard, int shards, EffectSettings settings) {}
