package io.tagcf.activities.tagging;

import io.tagcf.activities.llm.LlmRetryPolicy;
import io.tagcf.activities.llm.LlmSettings;
import java.time.Duration;

/**
 * Which tagger a run uses and how hard it tries the LLM, as configured on the worker. Read
 * through a local activity so that the decision is recorded in the workflow's history and a
 * replay on a differently configured worker takes the same path. Its recorded form (these four
 * fields) is in histories of running workflows: change it only with a new version.
 */
public record TaggerPlan(boolean llm, int maxAttempts, long initialBackoffMillis, long callTimeoutMillis) {

  public static TaggerPlan offline() {
    return new TaggerPlan(false, 1, 1_000, 60_000);
  }

  public static TaggerPlan llm(LlmSettings settings) {
    LlmRetryPolicy policy = LlmRetryPolicy.of(settings);
    return new TaggerPlan(
        true, policy.maxAttempts(), policy.initialBackoff().toMillis(), settings.timeout().toMillis());
  }

  /** The retry policy of each LLM call, the same one {@link LlmRetryPolicy#of(LlmSettings)} builds. */
  public LlmRetryPolicy retryPolicy() {
    return LlmRetryPolicy.of(maxAttempts, Duration.ofMillis(initialBackoffMillis));
  }
}
