package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL answers, but every request to it takes 2 s more (a proxy holds each one). A burst of
 * 100 reads must each be answered within the request timeout, 503 with {@code Retry-After} where
 * the database could not serve it in time, never minutes later; the liveness probe answers at once
 * all the while; and the API serves normally once the database is fast again.
 */
class SlowDatabaseTest {

  private static final Duration REQUEST_TIMEOUT = FaultStack.REQUEST_TIMEOUT;
  private static FaultStack faults;

  @BeforeAll
  static void start() throws Exception {
    faults = FaultStack.get();
  }

  @Test
  void readsAnswer503WithinTheTimeoutAndLivenessStaysUp() throws Exception {
    assertThat(faults.api.get("/v1/videos/fault-none").status()).as("the key is looked up and remembered").isEqualTo(404);
    // The probes' connections exist before the burst: what is measured is the server's answer, not
    // a connection set up while this JVM starts a hundred client threads.
    assertThat(faults.api.management("/healthz").status()).isEqualTo(200);
    assertThat(faults.api.get("/healthz").status()).isEqualTo(200);
    faults.database.slow(Duration.ofSeconds(2));
    ExecutorService clients = Executors.newFixedThreadPool(100);
    try {
      List<Future<Api.Reply>> reads = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        String path = "/v1/videos/fault-missing-" + i;
        reads.add(clients.submit(() -> faults.api.get(path)));
      }
      List<Api.Reply> liveness = new ArrayList<>();
      // Once the burst is out (its reads wait at least 3 s): the probes run while it is in flight.
      Thread.sleep(300);
      for (int i = 0; i < 5; i++) {
        liveness.add(faults.api.management("/healthz"));
        liveness.add(faults.api.get("/healthz"));
        Thread.sleep(200);
      }
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : reads) {
        replies.add(f.get(60, TimeUnit.SECONDS));
      }

      Duration slowest = replies.stream().map(Api.Reply::took).max(Duration::compareTo).orElseThrow();
      long unavailable = replies.stream().filter(r -> r.status() == 503).count();
      System.out.printf("slow database: %d reads, %d answered 503, slowest %d ms%n",
          replies.size(), unavailable, slowest.toMillis());
      assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(404, 503));
      assertThat(slowest).as("no read waits past the request timeout").isLessThan(REQUEST_TIMEOUT.plusSeconds(2));
      assertThat(unavailable).as("the database could not serve 100 reads at 2 s each in time").isPositive();
      assertThat(replies).filteredOn(r -> r.status() == 503)
          .allSatisfy(r -> assertThat(r.retryAfter()).as("Retry-After").isPresent());
      assertThat(liveness).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.took()).isLessThan(Duration.ofSeconds(1));
      });
    } finally {
      clients.shutdownNow();
      faults.database.restore();
    }

    Api.Reply after = awaitFast();
    assertThat(after.status()).isEqualTo(404);
  }

  /** Once the database is fast again, a read is answered well within the timeout (bounded wait). */
  private static Api.Reply awaitFast() throws InterruptedException {
    Api.Reply r = faults.api.get("/v1/videos/fault-none");
    for (int i = 0; i < 30 && (r.status() != 404 || r.took().compareTo(Duration.ofSeconds(1)) > 0); i++) {
      Thread.sleep(500);
      r = faults.api.get("/v1/videos/fault-none");
    }
    return r;
  }
}
