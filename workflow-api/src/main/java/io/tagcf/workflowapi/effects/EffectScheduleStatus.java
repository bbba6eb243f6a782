package io.tagcf.workflowapi.effects;

/** The periodic loop's state: runs so far and the last run's outcome. */
public record EffectScheduleStatus(int runs, String lastWorkflowId, SnapshotResult last, String error) {

  public static EffectScheduleStatus initial() {
    return new EffectScheduleStatus(0, null, null, null);
  }
}
