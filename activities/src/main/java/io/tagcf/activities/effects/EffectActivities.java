package io.tagcf.activities.effects;

import io.temporal.activity.ActivityInterface;

/** The side effects of an effect snapshot: each step is idempotent, so Temporal may retry it. */
@ActivityInterface
public interface EffectActivities {

  /** Creates (or finds) the run's snapshot and aggregates its input from the exposure log. */
  SnapshotPlan prepareSnapshot(PrepareRequest request);

  /** Estimates one shard's tags and replaces their results; heartbeats after every tag. */
  ShardSummary estimateShard(ShardRequest request);

  /** Publishes the snapshot atomically once every shard is written. */
  PublishedSnapshot publishSnapshot(long snapshotId);

  /** Marks the snapshot failed with the reason; nothing of it becomes visible. */
  void failSnapshot(long snapshotId, String reason);
}
