package io.tagcf.activities.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShardHeartbeatTest {

  @Test
  void reportsTheTagsDoneOnItsTimerUntilClosed() throws Exception {
    List<Integer> beats = new CopyOnWriteArrayList<>();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch afterTwoTags = new CountDownLatch(1);
    try (ShardHeartbeat beat = new ShardHeartbeat(done -> {
      beats.add(done);
      started.countDown();
      if (done == 2) {
        afterTwoTags.countDown();
      }
    }, Duration.ofMillis(10), "test-heartbeat")) {
      // Reports go out before any tag is done: reading the design counts as alive too.
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(beats.get(0)).isZero();
      beat.tagDone();
      beat.tagDone();
      assertThat(afterTwoTags.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(beats).isSorted().contains(2);
    Thread.sleep(50);
    int closedAt = beats.size();
    Thread.sleep(100);
    assertThat(beats).hasSize(closedAt);
  }

  @Test
  void aFailedReportStopsTheShardAtItsNextTag() throws Exception {
    CountDownLatch failed = new CountDownLatch(1);
    try (ShardHeartbeat beat = new ShardHeartbeat(done -> {
      failed.countDown();
      throw new IllegalStateException("activity cancelled");
    }, Duration.ofMillis(10), "test-heartbeat")) {
      assertThat(failed.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(50);
      assertThatThrownBy(beat::tagDone).hasMessage("activity cancelled");
    }
  }
}
