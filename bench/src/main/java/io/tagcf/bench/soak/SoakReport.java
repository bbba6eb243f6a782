package io.tagcf.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's output, as Markdown tables ready for docs/BENCHMARKS.md: a row per minute with each
 * route's rate, failures and p99, and the live heap, threads, connections and ingest backlog;
 * then the totals and the first against the last five minutes.
 */
final class SoakReport {

  private final List<String> routes;
  private final Map<String, long[]> totals = new LinkedHashMap<>();
  private final List<HealthSample> health = new ArrayList<>();
  private final List<Map<String, RouteWindow.Summary>> windows = new ArrayList<>();

  SoakReport(List<String> routes) {
    this.routes = routes;
    routes.forEach(r -> totals.put(r, new long[3]));
  }

  void header(Duration length, double uploadRate, double readRate, int cores) {
    System.out.printf("%nsoak: %d min, uploads %.1f/s, reads %.0f/s, %d cores%n%n", length.toMinutes(), uploadRate,
        readRate, cores);
    StringBuilder h = new StringBuilder("| min |");
    StringBuilder line = new StringBuilder("|---:|");
    for (String r : routes) {
      h.append(' ').append(r).append(": answered/s, failed, unsent, p99 ms |");
      line.append("---|");
    }
    h.append(" live heap MB | threads | db conns | ingest backlog | load avg |");
    line.append("---:|---:|---:|---:|---:|");
    System.out.println(h);
    System.out.println(line);
  }

  void start(HealthSample sample) {
    health.add(sample);
  }

  void window(int minute, Map<String, RouteWindow.Summary> byRoute, HealthSample sample, long backlog) {
    windows.add(byRoute);
    health.add(sample);
    StringBuilder row = new StringBuilder("| " + minute + " |");
    for (String r : routes) {
      RouteWindow.Summary s = byRoute.get(r);
      if (s == null) {
        row.append(" - |");
        continue;
      }
      totals.get(r)[0] += s.requests();
      totals.get(r)[1] += s.failures();
      totals.get(r)[2] += s.unsent();
      row.append(String.format(" %.0f, %d, %d, %.1f |", s.requests() / 60.0, s.failures(), s.unsent(), s.p99()));
    }
    row.append(String.format(" %.0f | %d | %d | %d | %.1f |", sample.liveHeapMb(), sample.threads(),
        sample.databaseConnections(), backlog, sample.loadAverage()));
    System.out.println(row);
  }

  /** Prints the summary; 0 when every stored upload is done, else 2. */
  int finish(int stored, List<String> unfinished, Duration drain) {
    System.out.println();
    System.out.println("| route | answered | failed | unsent | failure rate | p99 first 5 min | p99 last 5 min |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (String r : routes) {
      long[] t = totals.get(r);
      double failureRate = t[0] + t[2] == 0 ? 0.0 : 100.0 * (t[1] + t[2]) / (t[0] + t[2]);
      System.out.printf("| %s | %,d | %,d | %,d | %.3f%% | %.1f ms | %.1f ms |%n", r, t[0], t[1], t[2], failureRate,
          meanP99(r, 0, 5), meanP99(r, windows.size() - 5, windows.size()));
    }
    int n = health.size();
    HealthSample first = health.get(Math.min(1, n - 1));
    HealthSample last = health.get(n - 1);
    System.out.printf("%nlive heap %.0f MB -> %.0f MB, threads %d -> %d, database connections %d -> %d"
        + " (minute 1 -> last)%n", first.liveHeapMb(), last.liveHeapMb(), first.threads(), last.threads(),
        first.databaseConnections(), last.databaseConnections());
    System.out.printf("uploads stored: %,d; done: %,d; not done %.0f s after the traffic stopped: %d%n", stored,
        stored - unfinished.size(), drain.toSeconds() * 1.0, unfinished.size());
    return unfinished.isEmpty() ? 0 : 2;
  }

  /** The mean of a route's per-minute p99 over windows [from, to). */
  private double meanP99(String route, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int i = Math.max(0, from); i < Math.min(to, windows.size()); i++) {
      RouteWindow.Summary s = windows.get(i).get(route);
      if (s != null && !Double.isNaN(s.p99())) {
        sum += s.p99();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }
}
