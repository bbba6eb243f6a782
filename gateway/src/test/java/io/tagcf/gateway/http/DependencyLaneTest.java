package io.tagcf.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DependencyLaneTest {

  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void takesThreadsPlusWaitingAndRefusesTheRestUntilWorkEnds() throws Exception {
    DependencyLane lane = new DependencyLane(vertx, "db", 2, 1).bindTo(registry);
    CountDownLatch release = new CountDownLatch(1);
    Future<String> a = lane.execute(() -> waitFor(release, "a"));
    Future<String> b = lane.execute(() -> waitFor(release, "b"));
    Future<String> c = lane.execute(() -> waitFor(release, "c"));

    Future<String> d = lane.execute(() -> "d");

    assertThat(d.failed()).as("refused without waiting").isTrue();
    assertThat(d.cause()).isInstanceOf(LaneFullException.class).hasMessageContaining("db lane is full");
    assertThat(lane.inFlight()).isEqualTo(3);
    assertThat(registry.get("tagcf.gateway.lane.refused").tag("lane", "db").counter().count()).isEqualTo(1);
    assertThat(registry.get("tagcf.gateway.lane.in.flight").tag("lane", "db").gauge().value()).isEqualTo(3);

    release.countDown();
    assertThat(a.await(5, TimeUnit.SECONDS) + b.await(5, TimeUnit.SECONDS) + c.await(5, TimeUnit.SECONDS))
        .isEqualTo("abc");
    assertThat(lane.inFlight()).isZero();
    assertThat(lane.execute(() -> "e").await(5, TimeUnit.SECONDS)).isEqualTo("e");
  }

  @Test
  void aFailedCallGivesItsPlaceBack() throws Exception {
    DependencyLane lane = new DependencyLane(vertx, "db", 1, 0);
    Future<Object> failed = lane.execute(() -> {
      throw new IllegalStateException("database down");
    });
    assertThatThrownBy(() -> failed.await(5, TimeUnit.SECONDS)).hasMessageContaining("database down");

    assertThat(lane.execute(() -> "next").await(5, TimeUnit.SECONDS)).isEqualTo("next");
  }

  @Test
  void runsOnItsOwnNamedThreadsNotAnEventLoop() throws Exception {
    DependencyLane lane = new DependencyLane(vertx, "temporal", 1, 0);

    String thread = lane.execute(() -> Thread.currentThread().getName()).await(5, TimeUnit.SECONDS);

    assertThat(thread).startsWith("tagcf-temporal");
  }

  @Test
  void boundsAreChecked() {
    assertThatThrownBy(() -> new DependencyLane(vertx, "x", 0, 1)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new DependencyLane(vertx, "x", 1, -1)).hasMessageContaining("waiting");
  }

  private static String waitFor(CountDownLatch release, String value) throws InterruptedException {
    release.await();
    return value;
  }
}
