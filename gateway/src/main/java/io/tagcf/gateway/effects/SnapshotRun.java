package io.tagcf.gateway.effects;

import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.SnapshotResult;
import java.util.Locale;

/**
 * A snapshot run as its workflow reports it.
 *
 * @param progress what a running workflow answered to its progress query; null when it is not
 *     running or no worker answered
 * @param result what a completed workflow returned; null otherwise
 */
public record SnapshotRun(String workflowId, State state, EffectProgress progress, SnapshotResult result) {

  /** The workflow's state; a completed run may still have failed its snapshot (its result says so). */
  public enum State {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELED,
    TERMINATED,
    TIMED_OUT;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
