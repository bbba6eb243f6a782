package io.tagcf.ops.tools.llm;

import com.google.common.util.concurrent.RateLimiter;
import io.tagcf.activities.llm.LlmFailures;
import io.tagcf.activities.llm.LlmSettings;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How the batch tools call the LLM outside Temporal: the same bounded attempts, doubling backoff
 * and Retry-After as the ingest workflow's activity retries ({@code TAGCF_LLM_MAX_ATTEMPTS},
 * {@code TAGCF_LLM_BACKOFF_MILLIS}), and at most {@code TAGCF_LLM_RATE} calls started per second
 * across all threads. Failures are classified by {@link LlmFailures}, so the reasons the tools
 * record read like the workflow's.
 */
public final class LlmCallPolicy {

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  /** Waits between attempts; tests and benchmarks do not need to wait for real. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final RateLimiter rate;
  private final Sleeper sleeper;

  public LlmCallPolicy(int maxAttempts, Duration initialBackoff, double callsPerSecond, Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1");
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.rate = RateLimiter.create(callsPerSecond);
    this.sleeper = sleeper;
  }

  public static LlmCallPolicy of(LlmSettings s) {
    return new LlmCallPolicy(s.maxAttempts(), s.initialBackoff(), s.callsPerSecond(), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code call} until it succeeds or the attempts are used up.
   *
   * @throws LlmGaveUpException when every attempt failed with something a retry might have fixed
   * @throws LlmRefusedException when the server refused the request (authentication, unknown
   *     model): no retry can fix that, and neither can the next video
   */
  public <T> T call(Supplier<T> call) {
    ApplicationFailure last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      rate.acquire();
      try {
        return call.get();
      } catch (RuntimeException e) {
        ApplicationFailure f = LlmFailures.of(e);
        if (f.isNonRetryable()) {
          throw new LlmRefusedException(f.getOriginalMessage());
        }
        last = f;
        if (attempt < maxAttempts) {
          pause(f.getNextRetryDelay() != null ? f.getNextRetryDelay() : backoff(attempt));
        }
      }
    }
    throw new LlmGaveUpException(last.getOriginalMessage() + " (" + maxAttempts + (maxAttempts == 1 ? " attempt)" : " attempts)"));
  }

  private Duration backoff(int attempt) {
    Duration d = initialBackoff.multipliedBy(1L << Math.min(20, attempt - 1));
    return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
  }

  private void pause(Duration d) {
    try {
      sleeper.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmGaveUpException("interrupted while waiting to retry the LLM call");
    }
  }
}
