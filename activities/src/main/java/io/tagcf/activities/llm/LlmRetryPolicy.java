package io.tagcf.activities.llm;

import java.time.Duration;

/**
 * How hard to try one LLM call, built once from {@link LlmSettings}: at most {@code maxAttempts}
 * attempts, retrying only failures a retry can fix ({@link LlmFailure.Kind#retryable()}), waiting
 * the server's Retry-After when it sent one and otherwise {@code initialBackoff} doubling up to
 * {@code maxBackoff}. The ingest workflow hands it to Temporal as activity retry options
 * ({@link TemporalLlmFailures}); the batch tools run it themselves, without Temporal types.
 */
public record LlmRetryPolicy(int maxAttempts, Duration initialBackoff, double backoffCoefficient, Duration maxBackoff) {

  /** Longest wait between attempts when the server did not say. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  public static final double BACKOFF_COEFFICIENT = 2.0;

  public LlmRetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (!(backoffCoefficient >= 1)) {
      throw new IllegalArgumentException("backoffCoefficient must be >= 1, got " + backoffCoefficient);
    }
  }

  public static LlmRetryPolicy of(LlmSettings settings) {
    return of(settings.maxAttempts(), settings.initialBackoff());
  }

  public static LlmRetryPolicy of(int maxAttempts, Duration initialBackoff) {
    return new LlmRetryPolicy(maxAttempts, initialBackoff, BACKOFF_COEFFICIENT, MAX_BACKOFF);
  }

  /** True when attempt {@code attempt} (1-based), failed with {@code failure}, is followed by another. */
  public boolean retriesAfter(int attempt, LlmFailure failure) {
    return failure.retryable() && attempt < maxAttempts;
  }

  /** The wait before the attempt after {@code attempt}: the server's Retry-After wins. */
  public Duration delayAfter(int attempt, LlmFailure failure) {
    if (failure.retryAfter() != null) {
      return failure.retryAfter();
    }
    double millis = initialBackoff.toMillis() * Math.pow(backoffCoefficient, Math.max(0, attempt - 1));
    return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
  }
}
