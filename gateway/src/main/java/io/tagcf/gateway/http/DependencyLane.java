package io.tagcf.gateway.http;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One dependency's share of the gateway's blocking threads: a Vert.x worker pool of its own and a
 * Resilience4j bulkhead bounding the work in flight (running and waiting). Without it every
 * handler shares one worker pool whose queue has no end: a slow database would queue every
 * request, the probes and the Temporal calls behind it. A full lane refuses new work at once
 * with {@link LaneFullException}, which the gateway answers with 503 and {@code Retry-After}.
 */
public final class DependencyLane implements AutoCloseable {

  private final String name;
  private final WorkerExecutor executor;
  private final Bulkhead bulkhead;
  private Counter refused;

  /**
   * @param threads worker threads of the lane; for the database, no more than its pool's
   *     connections, since a thread without a connection only waits
   * @param waiting requests allowed to wait for a thread beyond those running
   */
  public DependencyLane(Vertx vertx, String name, int threads, int waiting) {
    if (threads < 1 || waiting < 0) {
      throw new IllegalArgumentException("lane " + name + ": threads must be >= 1 and waiting >= 0");
    }
    this.name = name;
    this.executor = vertx.createSharedWorkerExecutor("tagcf-" + name, threads);
    this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
        .maxConcurrentCalls(threads + waiting)
        .maxWaitDuration(Duration.ZERO)
        .build());
  }

  /** Reports work in flight and refusals as {@code tagcf_gateway_lane_*} with a {@code lane} tag. */
  public DependencyLane bindTo(MeterRegistry registry) {
    Bulkhead.Metrics m = bulkhead.getMetrics();
    Gauge.builder("tagcf.gateway.lane.in.flight", m,
            x -> x.getMaxAllowedConcurrentCalls() - x.getAvailableConcurrentCalls())
        .tag("lane", name).description("blocking work running or waiting in the lane").register(registry);
    refused = Counter.builder("tagcf.gateway.lane.refused").tag("lane", name)
        .description("requests refused because the lane was full").register(registry);
    return this;
  }

  /** Runs {@code work} on the lane's threads, or fails at once when the lane is full. */
  public <T> Future<T> execute(Callable<T> work) {
    if (!bulkhead.tryAcquirePermission()) {
      if (refused != null) {
        refused.increment();
      }
      return Future.failedFuture(new LaneFullException(name));
    }
    // Unordered: requests are independent, and one slow query must not hold up the next.
    return executor.<T>executeBlocking(work, false).andThen(done -> bulkhead.onComplete());
  }

  /** Work running or waiting now. */
  public int inFlight() {
    return bulkhead.getMetrics().getMaxAllowedConcurrentCalls() - bulkhead.getMetrics().getAvailableConcurrentCalls();
  }

  @Override
  public void close() {
    executor.close();
  }
}
