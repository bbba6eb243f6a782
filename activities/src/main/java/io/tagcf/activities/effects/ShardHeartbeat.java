package io.tagcf.activities.effects;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Reports a running shard on a timer rather than per tag: reading the design and fitting the
 * outcome models take longer than one tag, and a worker that died must be noticed within the
 * workflow's heartbeat timeout whatever it was doing. A failed report (the attempt was cancelled
 * or timed out) stops the shard at its next tag.
 */
final class ShardHeartbeat implements AutoCloseable {
  private final AtomicInteger tagsDone = new AtomicInteger();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final ScheduledExecutorService timer;

  ShardHeartbeat(IntConsumer sink, Duration every, String name) {
    timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
    timer.scheduleAtFixedRate(() -> {
      if (failure.get() != null) {
        return;
      }
      try {
        sink.accept(tagsDone.get());
      } catch (RuntimeException e) {
        failure.set(e);
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Counts a finished tag; throws the report's failure if one failed since. */
  void tagDone() {
    tagsDone.incrementAndGet();
    RuntimeException failed = failure.get();
    if (failed != null) {
      throw failed;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
