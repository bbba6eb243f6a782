package io.tagcf.batch.llm;

import com.google.common.util.concurrent.RateLimiter;
import io.tagcf.activities.llm.LlmFailure;
import io.tagcf.activities.llm.LlmFailureClassifier;
import io.tagcf.activities.llm.LlmRetryPolicy;
import io.tagcf.activities.llm.LlmSettings;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * LLM calls of the batch tools, outside Temporal: each under the platform's
 * {@link LlmRetryPolicy} (the one the ingest workflow gives Temporal), failures classified by
 * {@link LlmFailureClassifier} so that the reasons the tools record read like the workflow's, and
 * at most {@code TAGCF_LLM_RATE} calls started per second across all threads.
 */
public final class RetryingLlmCaller {

  /** Waits between attempts; tests and benchmarks do not need to wait for real. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final LlmRetryPolicy policy;
  private final RateLimiter rate;
  private final Sleeper sleeper;
  private final AtomicBoolean succeeded = new AtomicBoolean();

  public RetryingLlmCaller(LlmRetryPolicy policy, double callsPerSecond, Sleeper sleeper) {
    this.policy = policy;
    this.rate = RateLimiter.create(callsPerSecond);
    this.sleeper = sleeper;
  }

  public static RetryingLlmCaller of(LlmSettings s) {
    return new RetryingLlmCaller(LlmRetryPolicy.of(s), s.callsPerSecond(), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Runs {@code call} until it succeeds or the policy gives up.
   *
   * @throws LlmGaveUpException when every attempt failed with something a retry might have fixed,
   *     or the server rejected this request (HTTP 400) after earlier calls of the run succeeded
   * @throws LlmRefusedException when the server refused for reasons no retry and no other input
   *     can fix: authorisation, the model, or a rejected request before any call has succeeded (a
   *     set-up problem such as an unsupported response format)
   */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      rate.acquire();
      try {
        T result = call.get();
        succeeded.set(true);
        return result;
      } catch (RuntimeException e) {
        LlmFailure f = LlmFailureClassifier.classify(e);
        if (!f.retryable()) {
          if (f.kind() == LlmFailure.Kind.REQUEST_REJECTED && succeeded.get()) {
            // Other requests went through: this input is the problem (too long, filtered), not the set-up.
            throw new LlmGaveUpException(f.message() + " (not retried)");
          }
          throw new LlmRefusedException(f.message());
        }
        if (!policy.retriesAfter(attempt, f)) {
          throw new LlmGaveUpException(f.message() + " (" + attempt + (attempt == 1 ? " attempt)" : " attempts)"));
        }
        pause(policy.delayAfter(attempt, f));
      }
    }
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
