package io.tagcf.activities.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One policy, two runners: what the batch tools compute here is what Temporal is told. */
class LlmRetryPolicyTest {

  private static final LlmFailure SERVER_ERROR = LlmFailure.of(LlmFailure.Kind.TRANSIENT, "LLM server error: boom");
  private static final LlmFailure REJECTED = LlmFailure.of(LlmFailure.Kind.REQUEST_REJECTED, "LLM refused the request");

  private static LlmSettings settings(int attempts, long backoffMillis) {
    return new LlmSettings(LlmProvider.OPENAI, "http://127.0.0.1:1/v1", "secret", "m", Duration.ofSeconds(30),
        attempts, Duration.ofMillis(backoffMillis), 4, 5);
  }

  @Test
  void backoffDoublesFromTheInitialDelayUpToTheCap() {
    LlmRetryPolicy p = LlmRetryPolicy.of(settings(10, 2_000));
    assertThat(p.delayAfter(1, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.delayAfter(2, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.delayAfter(3, SERVER_ERROR)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.delayAfter(6, SERVER_ERROR)).isEqualTo(Duration.ofMinutes(1));
    assertThat(p.delayAfter(60, SERVER_ERROR)).isEqualTo(LlmRetryPolicy.MAX_BACKOFF);
  }

  @Test
  void aRetryAfterFromTheServerWinsOverTheBackoff() {
    LlmRetryPolicy p = LlmRetryPolicy.of(settings(3, 2_000));
    LlmFailure limited = new LlmFailure(LlmFailure.Kind.RATE_LIMITED, "LLM rate limited", Duration.ofSeconds(7));
    assertThat(p.delayAfter(1, limited)).isEqualTo(Duration.ofSeconds(7));
    assertThat(p.delayAfter(2, limited)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void onlyRetryableFailuresAreRetriedAndOnlyWhileAttemptsLast() {
    LlmRetryPolicy p = LlmRetryPolicy.of(settings(3, 10));
    assertThat(p.retriesAfter(1, SERVER_ERROR)).isTrue();
    assertThat(p.retriesAfter(2, SERVER_ERROR)).isTrue();
    assertThat(p.retriesAfter(3, SERVER_ERROR)).isFalse();
    assertThat(p.retriesAfter(1, REJECTED)).isFalse();
    assertThat(p.retriesAfter(1, LlmFailure.of(LlmFailure.Kind.UNAUTHORISED, "bad key"))).isFalse();
    assertThat(p.retriesAfter(1, LlmFailure.of(LlmFailure.Kind.INVALID_REPLY, "not JSON"))).isTrue();
  }

  @Test
  void temporalGetsTheSameNumbersAndTheNonRetryableKinds() {
    LlmRetryPolicy p = LlmRetryPolicy.of(settings(4, 1_500));
    RetryOptions options = TemporalLlmFailures.retryOptions(p, "ContentSuperseded");
    assertThat(options.getMaximumAttempts()).isEqualTo(4);
    assertThat(options.getInitialInterval()).isEqualTo(Duration.ofMillis(1_500));
    assertThat(options.getBackoffCoefficient()).isEqualTo(2.0);
    assertThat(options.getMaximumInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(options.getDoNotRetry())
        .containsExactlyInAnyOrder("LlmRequestRejected", "LlmUnauthorised", "ContentSuperseded");
  }

  @Test
  void aFailureLeavesTheActivityAsAnApplicationFailureOfItsKind() {
    ApplicationFailure rejected = TemporalLlmFailures.toApplicationFailure(REJECTED);
    assertThat(rejected.getType()).isEqualTo("LlmRequestRejected");
    assertThat(rejected.isNonRetryable()).isTrue();
    assertThat(rejected.getOriginalMessage()).isEqualTo("LLM refused the request");
    ApplicationFailure transient_ = TemporalLlmFailures.toApplicationFailure(SERVER_ERROR);
    assertThat(transient_.isNonRetryable()).isFalse();
    assertThat(transient_.getNextRetryDelay()).isNull();
  }

  @Test
  void theTaggerPlanRecordsThePolicyItWasBuiltFrom() {
    LlmSettings s = settings(5, 750);
    assertThat(io.tagcf.activities.tagging.TaggerPlan.llm(s).retryPolicy()).isEqualTo(LlmRetryPolicy.of(s));
  }

  @Test
  void nonsensicalPoliciesAreRefused() {
    assertThatThrownBy(() -> LlmRetryPolicy.of(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LlmRetryPolicy(3, Duration.ofMinutes(2), 2.0, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
