package io.tagcf.batch.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import io.tagcf.activities.llm.LlmReplyRejectedException;
import io.tagcf.activities.llm.LlmRetryPolicy;
import io.tagcf.activities.llm.RetryAfterHttpException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The batch tools' runner of the LLM retry policy, without Temporal and without real waiting. */
class RetryingLlmCallerTest {

  private final List<Duration> waits = new ArrayList<>();

  private RetryingLlmCaller caller(int attempts) {
    return new RetryingLlmCaller(LlmRetryPolicy.of(attempts, Duration.ofMillis(100)), 1e9, waits::add);
  }

  /** Answers each call with the next outcome: a value or an exception to throw. */
  private static Supplier<String> script(Object... outcomes) {
    Deque<Object> left = new ArrayDeque<>(List.of(outcomes));
    return () -> {
      Object next = left.removeFirst();
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (String) next;
    };
  }

  @Test
  void transientFailuresAreRetriedWithDoublingBackoff() {
    String result = caller(4).call(script(new InternalServerException("boom"), new InternalServerException("boom"), "ok"));
    assertThat(result).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void aRateLimitWaitsForItsRetryAfter() {
    RateLimitException limited = new RateLimitException(new RetryAfterHttpException(429, "slow down", Duration.ofSeconds(3)));
    assertThat(caller(3).call(script(limited, "ok"))).isEqualTo("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void whenAttemptsRunOutTheLastReasonIsGivenWithTheCount() {
    assertThatThrownBy(() -> caller(2).call(script(
            new LlmReplyRejectedException(List.of("too many tags")), new LlmReplyRejectedException(List.of("too many tags")))))
        .isInstanceOf(LlmGaveUpException.class)
        .hasMessage("LLM reply rejected: too many tags (2 attempts)");
    assertThat(waits).hasSize(1);
  }

  @Test
  void anUnauthorisedCallStopsTheRunAtOnce() {
    assertThatThrownBy(() -> caller(5).call(script(new AuthenticationException("bad key"))))
        .isInstanceOf(LlmRefusedException.class)
        .hasMessage("LLM refused the request: bad key");
    assertThat(waits).isEmpty();
  }

  @Test
  void aRejectedRequestIsASetUpProblemUntilAnotherCallSucceeded() {
    RetryingLlmCaller caller = caller(5);
    assertThatThrownBy(() -> caller.call(script(new InvalidRequestException("response_format unsupported"))))
        .isInstanceOf(LlmRefusedException.class);
    assertThat(caller.call(script("ok"))).isEqualTo("ok");
    assertThatThrownBy(() -> caller.call(script(new InvalidRequestException("content filtered"))))
        .isInstanceOf(LlmGaveUpException.class)
        .hasMessage("LLM refused the request: content filtered (not retried)");
    assertThat(waits).isEmpty();
  }
}
