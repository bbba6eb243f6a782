package io.tagcf.bench.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One wrk run as its report script printed it (latencies in microseconds), with the CPU time the
 * wrk process itself used: on the machine under test, the load generator takes cores from the
 * server, and a result is only read right beside that share.
 *
 * @param non2xx responses with a status outside 2xx/3xx: a run with any is not a valid result
 * @param socketErrors connect, read and write errors and timeouts together
 * @param wrkCpuNanos user + system time of wrk, -1 when the shell did not report it
 */
public record WrkResult(long requests, long durationMicros, long bytes, long non2xx, long socketErrors,
    long p50, long p90, long p99, long p999, long max, double mean, long wrkCpuNanos) {

  private static final String MARKER = "WRK-RESULT ";
  private static final ObjectMapper JSON = new ObjectMapper();

  public double requestsPerSecond() {
    return requests * 1e6 / durationMicros;
  }

  /** Cores wrk kept busy over its run. */
  public double wrkCores() {
    return wrkCpuNanos < 0 ? Double.NaN : wrkCpuNanos / (durationMicros * 1e3);
  }

  /** Every response was a success and no socket failed. */
  public boolean clean() {
    return non2xx == 0 && socketErrors == 0 && requests > 0;
  }

  /**
   * Reads the output of {@code bash -c 'wrk …; times'}: the script's result line, and the shell's
   * children's user and system time (the second line of {@code times}).
   *
   * @throws IllegalArgumentException when the output has no result line (wrk failed to run)
   */
  static WrkResult parse(String output) {
    JsonNode r = null;
    long cpu = -1;
    String[] lines = output.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith(MARKER)) {
        try {
          r = JSON.readTree(line.substring(MARKER.length()));
        } catch (IOException e) {
          throw new UncheckedIOException("wrk's result line is not JSON: " + line, e);
        }
        // bash's `times` prints the shell's own times, then its children's: the last line.
        cpu = i + 2 < lines.length ? shellTimes(lines[lines.length - 1]) : -1;
      }
    }
    if (r == null) {
      throw new IllegalArgumentException("wrk printed no result; its output was:\n" + output);
    }
    return new WrkResult(r.path("requests").asLong(), r.path("durationMicros").asLong(), r.path("bytes").asLong(),
        r.path("non2xx").asLong(), r.path("connectErrors").asLong() + r.path("readErrors").asLong()
            + r.path("writeErrors").asLong() + r.path("timeouts").asLong(),
        r.path("p50").asLong(), r.path("p90").asLong(), r.path("p99").asLong(), r.path("p999").asLong(),
        r.path("max").asLong(), r.path("mean").asDouble(), cpu);
  }

  /** {@code 0m12.345s 0m3.210s}: user + system, in ns; -1 when the line is not in that form. */
  static long shellTimes(String line) {
    String[] f = line.strip().split("\\s+");
    if (f.length != 2) {
      return -1;
    }
    long total = 0;
    for (String t : f) {
      int m = t.indexOf('m');
      if (m < 0 || !t.endsWith("s")) {
        return -1;
      }
      try {
        total += Math.round((Long.parseLong(t.substring(0, m)) * 60 + Double.parseDouble(t.substring(m + 1, t.length() - 1))) * 1e9);
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return total;
  }
}
