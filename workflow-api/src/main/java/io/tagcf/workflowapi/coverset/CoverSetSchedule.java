package io.tagcf.workflowapi.coverset;

import java.time.Duration;

/**
 * Every {@code interval}, cover the items of the last {@code windowDays} days up to {@code tau};
 * continue-as-new after {@code runsPerExecution} runs to keep the history short.
 */
public record CoverSetSchedule(Duration interval, int windowDays, double tau, int runsPerExecution) {

  public static CoverSetSchedule daily(int windowDays) {
    return new CoverSetSchedule(Duration.ofDays(1), windowDays, 0.99, 30);
  }
}
