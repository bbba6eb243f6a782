package io.tagcf.bench.effects;

import io.tagcf.store.DatabaseUrl;
import io.tagcf.workflowapi.effects.EffectRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code tagcf bench effects} run measures, checked: every problem is one message that
 * starts with the option to change.
 *
 * @param exposures the log sizes, each measured from an empty database
 * @param workerHeap the workers' {@code -Xmx}, as the JVM takes it (e.g. {@code 4g})
 * @param database the URL as given: the workers get it as their DATABASE_URL
 */
public record EffectsBenchOptions(List<Long> exposures, int videos, int users, int tags, int segments, int workers,
    int shards, String workerHeap, String database, Path out, long seed, boolean keepCsv) {

  static final long MIN_EXPOSURES = 10_000;
  static final long MAX_EXPOSURES = 1_000_000_000;
  /** Segment k is age band k / 3 x city tier k % 3 + 1; up to 18 they are the six named bands. */
  static final int MAX_SEGMENTS = 18;
  static final int MAX_WORKERS = 16;
  static final long MIN_WORKER_HEAP = 256L << 20;
  private static final Pattern HEAP = Pattern.compile("([1-9][0-9]{0,9})([kKmMgG]?)");

  /** @throws IllegalArgumentException naming the first option that is wrong */
  public EffectsBenchOptions {
    if (exposures == null || exposures.isEmpty()) {
      throw new IllegalArgumentException("--exposures: give at least one size");
    }
    for (long n : exposures) {
      if (n < MIN_EXPOSURES || n > MAX_EXPOSURES) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "--exposures: each size must be between %,d and %,d, got %,d", MIN_EXPOSURES, MAX_EXPOSURES, n));
      }
    }
    exposures = List.copyOf(exposures);
    if (videos < 100) {
      throw new IllegalArgumentException("--videos: need at least 100, got " + videos);
    }
    if (users < 100) {
      throw new IllegalArgumentException("--users: need at least 100, got " + users);
    }
    if (tags < 5) {
      // The simulator gives every video 3 to 5 distinct tags.
      throw new IllegalArgumentException("--tags: need at least 5, got " + tags);
    }
    if (tags > videos) {
      throw new IllegalArgumentException("--tags: more tags (" + tags + ") than --videos (" + videos + ")");
    }
    if (segments < 1 || segments > MAX_SEGMENTS) {
      throw new IllegalArgumentException("--segments: must be between 1 and " + MAX_SEGMENTS + ", got " + segments);
    }
    if (workers < 1 || workers > MAX_WORKERS) {
      throw new IllegalArgumentException("--workers: must be between 1 and " + MAX_WORKERS + ", got " + workers);
    }
    if (shards < 1 || shards > EffectRequest.MAX_SHARDS) {
      throw new IllegalArgumentException("--shards: must be between 1 and " + EffectRequest.MAX_SHARDS + ", got "
          + shards);
    }
    if (shards < workers) {
      throw new IllegalArgumentException("--shards: " + shards + " shards leave some of the " + workers
          + " --workers with nothing to do");
    }
    if (shards > tags) {
      throw new IllegalArgumentException("--shards: more shards (" + shards + ") than --tags (" + tags + ")");
    }
    long heap = heapBytes(workerHeap);
    if (heap < MIN_WORKER_HEAP) {
      throw new IllegalArgumentException("--worker-heap: at least 256m, got " + workerHeap);
    }
    try {
      DatabaseUrl.parse(database);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--database: " + e.getMessage().replace("DATABASE_URL", "the URL"));
    }
    if (out == null || (Files.exists(out) && !Files.isDirectory(out))) {
      throw new IllegalArgumentException("--out: " + out + " is not a directory");
    }
  }

  /**
   * Bytes of a JVM heap size such as {@code 4g}, {@code 512m} or {@code 1073741824}.
   *
   * @throws IllegalArgumentException naming --worker-heap for anything {@code -Xmx} would not take
   */
  static long heapBytes(String size) {
    Matcher m = size == null ? null : HEAP.matcher(size);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("--worker-heap: '" + size + "' is not a heap size such as 4g or 512m");
    }
    long n = Long.parseLong(m.group(1));
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 0;
    };
    if (n > (1L << 40) >> shift) {
      throw new IllegalArgumentException("--worker-heap: " + size + " is more than 1 TiB");
    }
    return n << shift;
  }

  long workerHeapBytes() {
    return heapBytes(workerHeap);
  }

  DatabaseUrl databaseUrl() {
    return DatabaseUrl.parse(database);
  }
}
