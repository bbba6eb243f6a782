package io.tagcf.activities.tagging;

/**
 * Which tagger a run uses and how hard it tries the LLM, as configured on the worker. Read
 * through a local activity so that the decision is recorded in the workflow's history and a
 * replay on a differently configured worker takes the same path.
 */
public record TaggerPlan(boolean llm, int maxAttempts, long initialBackoffMillis, long callTimeoutMillis) {

  public static TaggerPlan offline() {
    return new TaggerPlan(false, 1, 1_000, 60_000);
  }
}
