package io.tagcf.workflowapi.effects;

/**
 * Where a snapshot run is: preparing (aggregating the log), estimating (shards done of total),
 * published, or failed with the reason.
 */
public record EffectProgress(Long snapshotId, String phase, int shardsDone, int shardsTotal, String error) {

  public static EffectProgress preparing() {
    return new EffectProgress(null, "preparing", 0, 0, null);
  }


  public EffectProgress withShardDone() {
    return new EffectProgress(snapshotId, phase, shardsDone + 1, shardsTotal, error);
  }
}
