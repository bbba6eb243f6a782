package io.tagcf.bench.soak;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** One route's answers in the current window: latencies and failures, drained once per window. */
final class RouteWindow {

  /**
   * What a window held: answered requests, failures among them (non-2xx or no answer), requests
   * not sent because the client already had its bound in flight, the 99th latency percentile in ms.
   */
  record Summary(long requests, long failures, long unsent, double p99) {}

  private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong unsent = new AtomicLong();

  void unsent() {
    unsent.incrementAndGet();
  }

  void record(long latencyMicros, boolean ok) {
    micros.add(latencyMicros);
    if (!ok) {
      failures.incrementAndGet();
    }
  }

  /** The window so far, and a fresh one begins. */
  Summary drain() {
    long failed = failures.getAndSet(0);
    long notSent = unsent.getAndSet(0);
    long[] all = new long[micros.size()];
    int n = 0;
    for (Long m; n < all.length && (m = micros.poll()) != null; ) {
      all[n++] = m;
    }
    long[] sorted = Arrays.copyOf(all, n);
    Arrays.sort(sorted);
    return new Summary(n, failed, notSent, percentile(sorted, 0.99));
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1000.0;
  }
}
