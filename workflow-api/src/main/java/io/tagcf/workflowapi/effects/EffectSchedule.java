package io.tagcf.workflowapi.effects;

import java.time.Duration;

/** Every {@code interval}, a snapshot with {@code request}; continue-as-new after {@code runsPerExecution}. */
public record EffectSchedule(Duration interval, EffectRequest request, int runsPerExecution) {

  public static EffectSchedule daily() {
    return new EffectSchedule(Duration.ofDays(1), EffectRequest.defaults(), 30);
  }
}
