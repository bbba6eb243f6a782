package io.tagcf.activities.llm;

import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The LLM error model at the Temporal boundary: an {@link LlmFailure} becomes an
 * {@link ApplicationFailure} of its kind's type (non-retryable where no retry helps, with the
 * server's Retry-After as the next delay), and an {@link LlmRetryPolicy} becomes the activity's
 * retry options. Pure functions, so workflow code may build options with them.
 */
public final class TemporalLlmFailures {

  private TemporalLlmFailures() {}

  public static ApplicationFailure toApplicationFailure(LlmFailure failure) {
    ApplicationFailure.Builder b = ApplicationFailure.newBuilder()
        .setType(failure.kind().typeName())
        .setMessage(failure.message())
        .setNonRetryable(!failure.retryable());
    if (failure.retryAfter() != null) {
      b.setNextRetryDelay(failure.retryAfter());
    }
    return b.build();
  }

  /** Failure code of an LLM call that timed out rather than failing with a type of its own. */
  public static final String TIMEOUT_CODE = "LlmTimeout";

  /**
   * The failure of an LLM activity as a code (its failure type, e.g. {@code LlmTransient}): what is
   * stored and shown, never the provider's body or the model's text.
   */
  public static String code(ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app && app.getType() != null) {
      return app.getType();
    }
    return cause instanceof TimeoutFailure ? TIMEOUT_CODE : "LlmFailed";
  }

  /**
   * @param alsoDoNotRetry further failure types of the same activity that no retry fixes
   */
  public static RetryOptions retryOptions(LlmRetryPolicy policy, String... alsoDoNotRetry) {
    List<String> doNotRetry = new ArrayList<>(LlmFailure.Kind.nonRetryableTypeNames());
    doNotRetry.addAll(List.of(alsoDoNotRetry));
    return RetryOptions.newBuilder()
        .setInitialInterval(policy.initialBackoff())
        .setBackoffCoefficient(policy.backoffCoefficient())
        .setMaximumInterval(policy.maxBackoff())
        .setMaximumAttempts(policy.maxAttempts())
        .setDoNotRetry(doNotRetry.toArray(String[]::new))
        .build();
  }
}
