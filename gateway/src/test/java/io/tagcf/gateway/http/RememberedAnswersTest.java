package io.tagcf.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RememberedAnswersTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger lookups = new AtomicInteger();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void concurrentRequestsForOneKeyShareOneLookup() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RememberedAnswers<String, String> answers = new RememberedAnswers<>(vertx, Duration.ofSeconds(5), 100, v -> 1,
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
    RememberedAnswers<String, String> answers = new RememberedAnswers<>(vertx, Duration.ofSeconds(5), 100, v -> 1,
        v -> !v.isEmpty(), k -> {
          int n = lookups.incrementAndGet();
          if (k.equals("fails") && n < 4) {
            throw new IllegalStateException("database down");
          }
          return k.equals("none") ? "" : k;
        });
    assertThat(answers.get("none").await(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(answers.get("none").await(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(lookups).hasValue(2);

    assertThatThrownBy(() -> answers.get("fails").await(5, TimeUnit.SECONDS)).hasMessageContaining("database down");
    assertThat(answers.get("fails").await(5, TimeUnit.SECONDS)).isEqualTo("fails");
    assertThat(answers.get("fails").await(5, TimeUnit.SECONDS)).isEqualTo("fails");
    assertThat(lookups).hasValue(4);
  }

  @Test
  void anAnswerIsLookedUpAgainAfterItsTimeAndAheadOfItWhenStillRead() throws Exception {
    RememberedAnswers<String, Integer> answers = new RememberedAnswers<>(vertx, Duration.ofSeconds(2), 100,
        v -> 1, v -> true, k -> lookups.incrementAndGet());
    assertThat(answers.get("k").await(5, TimeUnit.SECONDS)).isEqualTo(1);
    TimeUnit.MILLISECONDS.sleep(2_500);
    int fresh = answers.get("k").await(5, TimeUnit.SECONDS);
    assertThat(fresh).as("expired: looked up again").isGreaterThan(1);

    // Read within the last fifth of its time: the remembered answer comes at once, and a new one is
    // looked up behind it.
    int before = lookups.get();
    TimeUnit.MILLISECONDS.sleep(1_800);
    assertThat(answers.get("k").await(5, TimeUnit.SECONDS)).isEqualTo(fresh);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (lookups.get() == before && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertThat(lookups.get()).isGreaterThan(before);
    TimeUnit.MILLISECONDS.sleep(50);
    assertThat(answers.get("k").await(5, TimeUnit.SECONDS)).isEqualTo(lookups.get());
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
