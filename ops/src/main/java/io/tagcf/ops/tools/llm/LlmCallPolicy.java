package io.tagcf.ops.tools.llm;

import com.google.common.util.concurrent.RateLimiter;
import dev.langchain4j.exception.InvalidRequestException;
import io.tagcf.activities.llm.LlmFailures;
import io.tagcf.activities.llm.LlmSettings;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
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
  private final AtomicBoolean succeeded = new AtomicBoolean();

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
   * @throws LlmGaveUpException when every attempt failed with something a retry might have fixed,
   *     or the server rejected this request (HTTP 400) after earlier calls of the run succeeded
   * @throws LlmRefusedException when the server refused the request for reasons no retry and no
   *     other input can fix: authentication, unknown model, or a rejected request before any
   *     call has succeeded (a set-up problem such as an unsupported response format)
   */
  public <T> T call(Supplier<T> call) {
    ApplicationFailure last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      rate.acquire();
      try {
        T result = call.get();
        succeeded.set(true);
        return result;
      } catch (RuntimeException e) {
        ApplicationFailure f = LlmFailures.of(e);
        if (f.isNonRetryable()) {
          if (e instanceof InvalidRequestException && succeeded.get()) {
            // Other requests went through: this input is the problem (too long, filtered), not the set-up.
            throw new LlmGaveUpException(f.getOriginalMessage() + " (not retried)");
          }
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
