package io.tagcf.bench.effects;

import io.tagcf.bench.effects.SnapshotBench.WorkerHeap;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The tables {@code tagcf bench effects} prints: one per size with every phase, then a summary
 * across sizes with each figure's growth over the smallest size and the targets.
 */
final class EffectsBenchReport {
  /** Issue 10's targets on the 2-core machine. */
  static final long LOAD_TARGET_ROWS_PER_SECOND = 200_000;
  static final double SNAPSHOT_TARGET_SECONDS = 120;
  static final long HEAP_TARGET_BYTES = 4L << 30;

  private final PrintWriter out;

  EffectsBenchReport(PrintWriter out) {
    this.out = out;
  }

  void size(SizeResult r) {
    out.println();
    out.printf(Locale.ROOT, "== %,d exposures: %,d videos, %d cover-set tags, %d segments, %,d users ==%n",
        r.exposures(), r.videos(), r.coverSetTags(), r.segments(), r.users());
    row("catalog (draw, store, cover set)", r.catalogSeconds(), String.format(Locale.ROOT,
        "%,d videos stored in %.1f s", r.videosAdded(), r.catalogStoreSeconds()));
    row("simulate + write CSV", r.writeSeconds(), String.format(Locale.ROOT, "%,d MB; not part of the load",
        r.csvBytes() / 1_000_000));
    LoadRun.LoadedFile users = r.load().users();
    LoadRun.LoadedFile exposures = r.load().exposures();
    row("tagcf load: users", users.seconds(), String.format(Locale.ROOT, "%,d rows, %,d rows/s", users.inserted(),
        users.rowsPerSecond()));
    row("tagcf load: exposures", exposures.seconds(), String.format(Locale.ROOT, "%,d rows, %,d rows/s (target"
        + " >= %,d: %s)", exposures.inserted(), exposures.rowsPerSecond(), LOAD_TARGET_ROWS_PER_SECOND,
        met(exposures.rowsPerSecond() >= LOAD_TARGET_ROWS_PER_SECOND)));
    row("  (whole command, JVM start included)", r.load().wallSeconds(), "");
    row("VACUUM ANALYZE of the log", r.settleSeconds(), "outside the snapshot; autovacuum would land in it");
    row("workers started and polling", r.workersReadySeconds(), r.workers().size() + " processes");
    SnapshotTimeline t = r.timeline();
    row("snapshot: prepare", t.prepareSeconds(), String.format(Locale.ROOT, "%,d videos x %d segments, %,d"
        + " exposures aggregated", r.snapshotVideos(), r.snapshotSegments(), r.snapshotExposures()));
    row("snapshot: estimate shards", t.estimateSeconds(), String.format(Locale.ROOT, "%d tags in %d shards: %s",
        r.snapshotTags(), t.shards().size(), shards(r.shardsByWorker())));
    row("snapshot: publish", t.publishSeconds(), String.format(Locale.ROOT, "%,d cells estimated, %,d insufficient",
        r.cellsEstimated(), r.cellsInsufficient()));
    row("snapshot, excluding load", r.snapshotSeconds(), String.format(Locale.ROOT, "workflow run %.1f s (target"
        + " <= %.0f s: %s)", t.workflowSeconds(), SNAPSHOT_TARGET_SECONDS,
        met(r.snapshotSeconds() <= SNAPSHOT_TARGET_SECONDS)));
    for (WorkerHeap w : r.workers()) {
      out.printf(Locale.ROOT, "  %s (pid %d): %s%n", w.name(), w.pid(), w.gc().describe());
    }
    out.printf(Locale.ROOT, "  peak worker heap %s (target <= %s: %s); workers split the shards: %s%n",
        GcLog.mib(r.peakWorkerHeapBytes()), GcLog.mib(HEAP_TARGET_BYTES),
        met(r.peakWorkerHeapBytes() <= HEAP_TARGET_BYTES), met(r.workersSplitShards()));
    out.println("  accuracy: " + r.accuracy().describe());
    out.flush();
  }

  void summary(List<SizeResult> results) {
    if (results.isEmpty()) {
      return;
    }
    SizeResult base = results.get(0);
    out.println();
    out.println("== summary (growth: times the first size's figure) ==");
    out.printf(Locale.ROOT, "%12s %10s %12s %9s %9s %9s %10s %8s %10s %9s %8s%n", "exposures", "load s",
        "load rows/s", "prepare", "estimate", "publish", "snapshot", "growth", "peak heap", "coverage", "split");
    for (SizeResult r : results) {
      out.printf(Locale.ROOT, "%,12d %10.1f %,12d %9.1f %9.1f %9.1f %10.1f %7.2fx %,6d MiB %8.1f%% %8s%n",
          r.exposures(), r.load().exposures().seconds(), r.load().exposures().rowsPerSecond(),
          r.timeline().prepareSeconds(), r.timeline().estimateSeconds(), r.timeline().publishSeconds(),
          r.snapshotSeconds(), r.snapshotSeconds() / base.snapshotSeconds(), r.peakWorkerHeapBytes() >> 20,
          100 * r.accuracy().coverage(), r.workersSplitShards() ? "yes" : "no");
    }
    SizeResult last = results.get(results.size() - 1);
    if (results.size() > 1) {
      out.printf(Locale.ROOT, "from %,d to %,d exposures (x%.1f): load x%.2f, prepare x%.2f, estimate x%.2f,"
              + " snapshot x%.2f, peak heap x%.2f%n", base.exposures(), last.exposures(),
          last.exposures() / (double) base.exposures(),
          last.load().exposures().seconds() / base.load().exposures().seconds(),
          last.timeline().prepareSeconds() / base.timeline().prepareSeconds(),
          last.timeline().estimateSeconds() / base.timeline().estimateSeconds(),
          last.snapshotSeconds() / base.snapshotSeconds(),
          last.peakWorkerHeapBytes() / (double) base.peakWorkerHeapBytes());
    }
    out.printf(Locale.ROOT, "targets at %,d exposures: load >= %,d rows/s %s; snapshot <= %.0f s %s;"
            + " peak heap <= %s %s; workers split the shards %s%n", last.exposures(), LOAD_TARGET_ROWS_PER_SECOND,
        met(last.load().exposures().rowsPerSecond() >= LOAD_TARGET_ROWS_PER_SECOND), SNAPSHOT_TARGET_SECONDS,
        met(last.snapshotSeconds() <= SNAPSHOT_TARGET_SECONDS), GcLog.mib(HEAP_TARGET_BYTES),
        met(last.peakWorkerHeapBytes() <= HEAP_TARGET_BYTES), met(last.workersSplitShards()));
    out.flush();
  }

  private void row(String phase, double seconds, String note) {
    out.printf(Locale.ROOT, "  %-38s %8.1f s  %s%n", phase, seconds, note);
  }

  private static String shards(Map<String, Integer> byWorker) {
    return byWorker.entrySet().stream().map(e -> e.getKey() + " ran " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  private static String met(boolean met) {
    return met ? "met" : "NOT met";
  }
}
