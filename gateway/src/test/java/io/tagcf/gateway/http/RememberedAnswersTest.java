package io.tagcf.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RememberedAnswersTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger lookups = new AtomicInteger();

  private DependencyLane lane() {
    return new DependencyLane(vertx, "lookups", 4, 64);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void concurrentRequestsForOneKeyShareOneLookup() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RememberedAnswers<String, String> answers =
        new RememberedAnswers<>(vertx, lane(), Duration.ofSeconds(5), 100, v -> 1,
        v -> true, k -> {
          lookups.incrementAndGet();
          await(release);
          return k.toUpperCase();
        });
    List<Future<String>> waiting = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      waiting.add(answers.get("a"));
    }
    release.countDown();
    for (Future<String> f : waiting) {
      assertThat(f.await(10, TimeUnit.SECONDS)).isEqualTo("A");
    }
    assertThat(answers.get("a").isComplete()).as("a remembered answer is there at once").isTrue();
    assertThat(lookups).hasValue(1);
  }

  @Test
  void anAnswerRememberRefusesAndAFailedLookupAreLookedUpAgain() throws Exception {
    Map<String, AtomicInteger> byKey = new ConcurrentHashMap<>();
    RememberedAnswers<String, String> answers =
        new RememberedAnswers<>(vertx, lane(), Duration.ofSeconds(5), 100, v -> 1,
        v -> !v.isEmpty(), k -> {
          int n = byKey.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
          if (k.equals("fails") && n == 1) {
            throw new IllegalStateException("database down");
          }
          return k.equals("none") ? "" : k;
        });
    assertThat(answers.get("none").await(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(answers.get("none").await(5, TimeUnit.SECONDS)).isEmpty();

    assertThatThrownBy(() -> answers.get("fails").await(5, TimeUnit.SECONDS)).hasMessageContaining("database down");
    assertThat(answers.get("fails").await(5, TimeUnit.SECONDS)).isEqualTo("fails");
    assertThat(answers.get("fails").await(5, TimeUnit.SECONDS)).isEqualTo("fails");

    TimeUnit.MILLISECONDS.sleep(100);
    assertThat(byKey.get("none")).as("never remembered").hasValue(2);
    assertThat(byKey.get("fails")).as("the failure is not remembered, the answer after it is").hasValue(2);
  }

  @Test
  void anAnswerIsLookedUpAgainAfterItsTimeAndAheadOfItWhenStillRead() throws Exception {
    AtomicLong now = new AtomicLong();
    RememberedAnswers<String, Integer> answers = new RememberedAnswers<>(vertx, lane(), Duration.ofSeconds(2), 100,
        v -> 1, v -> true, k -> lookups.incrementAndGet(), now::get);
    assertThat(answers.get("k").await(5, TimeUnit.SECONDS)).isEqualTo(1);
    // The cache dates an answer when it handles the lookup's completion, just after the caller sees
    // it: let that happen before the clock moves.
    TimeUnit.MILLISECONDS.sleep(200);
    now.addAndGet(Duration.ofMillis(2_500).toNanos());
    assertThat(answers.get("k").await(5, TimeUnit.SECONDS)).as("expired: looked up again").isGreaterThan(1);
    // (Caffeine may also start a refresh of the expired entry; let every lookup land.)
    TimeUnit.MILLISECONDS.sleep(200);

    // Read within the last fifth of its time: the remembered answer comes at once, and a new one is
    // looked up behind it.
    now.addAndGet(Duration.ofMillis(1_800).toNanos());
    int before = lookups.get();
    Future<Integer> early = answers.get("k");
    assertThat(early.isComplete()).as("served at once, not after a lookup").isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (lookups.get() == before && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(lookups.get()).as("looked up behind the read").isGreaterThan(before);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (answers.get("k").result() != lookups.get() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(answers.get("k").result()).as("the new answer replaces the old").isEqualTo(lookups.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
