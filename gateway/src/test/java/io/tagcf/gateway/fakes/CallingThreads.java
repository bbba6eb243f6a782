package io.tagcf.gateway.fakes;

import io.vertx.core.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The threads that called the fakes' blocking methods, so that tests can show that blocking work
 * never runs on an event loop.
 */
public final class CallingThreads {

  private final Map<String, List<String>> threadsByCall = new ConcurrentHashMap<>();
  private final List<String> onEventLoop = new CopyOnWriteArrayList<>();
  private final Map<String, CountDownLatch> stalled = new ConcurrentHashMap<>();

  /**
   * Calls whose name starts with {@code prefix} (e.g. {@code videos.}) wait until {@code release}
   * opens: a dependency that has stopped answering.
   */
  public void stall(String prefix, CountDownLatch release) {
    stalled.put(prefix, release);
  }

  void record(String call) {
    String thread = Thread.currentThread().getName();
    threadsByCall.computeIfAbsent(call, c -> new CopyOnWriteArrayList<>()).add(thread);
    if (Context.isOnEventLoopThread()) {
      onEventLoop.add(call + " on " + thread);
    }
    stalled.forEach((prefix, release) -> {
      if (call.startsWith(prefix)) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }

  /** Blocking calls made on an event-loop thread; each is a bug. */
  public List<String> onEventLoop() {
    return List.copyOf(onEventLoop);
  }

  /** The names of the threads that made {@code call}, e.g. {@code videos.find}, in order. */
  public List<String> of(String call) {
    return List.copyOf(threadsByCall.getOrDefault(call, List.of()));
  }
}
