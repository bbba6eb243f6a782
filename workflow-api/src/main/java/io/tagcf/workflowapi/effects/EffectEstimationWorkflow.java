package io.tagcf.workflowapi.effects;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;

/**
 * One run, one snapshot: aggregate the window's exposures, estimate every cover-set tag's effects
 * in parallel shards, publish the snapshot atomically. Ids: {@link #ID_PREFIX} + a name.
 */
@WorkflowInterface
public interface EffectEstimationWorkflow {

  String ID_PREFIX = "effects/snapshot/";

  /** The id of the schedule's run at {@code epochMillis} (the scheduling workflow's time). */
  static String scheduledId(long epochMillis) {
    return ID_PREFIX + "scheduled-" + Instant.ofEpochMilli(epochMillis);
  }

  @WorkflowMethod
  SnapshotResult estimate(EffectRequest request);

  @QueryMethod
  EffectProgress progress();
}
