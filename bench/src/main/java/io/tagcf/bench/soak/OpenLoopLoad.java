package io.tagcf.bench.soak;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Requests at a fixed rate whatever the answers' latency (an open loop: a slow server does not
 * slow the load down, as real clients do not wait for each other), each route's answers recorded
 * in its {@link RouteWindow}. Every 10 ms the load sends what the rate owes by then. A bound on
 * requests in flight keeps an overloaded server from exhausting the client's sockets: a request
 * over the bound is counted as unsent instead.
 */
final class OpenLoopLoad implements AutoCloseable {

  /** One kind of request: its name in the report, its share of the rate, how to make one. */
  record Route(String name, double perSecond, Supplier<HttpRequest> request) {}

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "soak-load");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, RouteWindow> windows = new ConcurrentHashMap<>();
  private final AtomicLong inFlight = new AtomicLong();
  private final long maxInFlight;

  OpenLoopLoad(long maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /** Starts sending; a 2xx answer is a success. */
  void start(Iterable<Route> routes) {
    long start = System.nanoTime();
    for (Route route : routes) {
      RouteWindow window = windows.computeIfAbsent(route.name(), n -> new RouteWindow());
      AtomicLong sent = new AtomicLong();
      ticks.scheduleAtFixedRate(() -> {
        double elapsed = (System.nanoTime() - start) / 1e9;
        long owed = (long) (elapsed * route.perSecond()) - sent.get();
        for (long i = 0; i < owed; i++) {
          sent.incrementAndGet();
          send(route.request().get(), window);
        }
      }, 0, 10, TimeUnit.MILLISECONDS);
    }
  }

  private void send(HttpRequest request, RouteWindow window) {
    if (inFlight.get() >= maxInFlight) {
      window.unsent();
      return;
    }
    long t0 = System.nanoTime();
    inFlight.incrementAndGet();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
      inFlight.decrementAndGet();
      window.record((System.nanoTime() - t0) / 1_000, e == null && r.statusCode() / 100 == 2);
    });
  }

  /** Each route's window since the last call. */
  Map<String, RouteWindow.Summary> drain() {
    Map<String, RouteWindow.Summary> out = new java.util.TreeMap<>();
    windows.forEach((name, w) -> out.put(name, w.drain()));
    return out;
  }

  long inFlight() {
    return inFlight.get();
  }

  static HttpRequest get(String base, String path, String key) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + key).GET().build();
  }

  @Override
  public void close() {
    ticks.shutdownNow();
  }
}
