package io.tagcf.bench.effects;

import io.tagcf.bench.effects.ScaleCatalog.VocabularyTag;
import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.demo.PlantedWorld;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.store.video.VideoCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * One log size from an empty database to a published snapshot checked against the truth: catalog,
 * simulated log written as CSV, {@code tagcf load}, VACUUM ANALYZE, the snapshot on worker
 * processes, accuracy. Each phase is timed on its own and announced as it starts.
 */
final class SizeRun {
  /** The exposures' window: 30 days over a month boundary, so the log has two partitions. */
  static final Instant WINDOW_END = Instant.parse("2026-11-15T00:00:00Z");
  static final int WINDOW_DAYS = 30;

  private final EffectsBenchOptions options;
  private final DataSource ds;
  private final List<VocabularyTag> tags;
  private final PrintWriter out;

  /** @param tags the catalog's tags: the first {@code --tags} of the vocabulary */
  SizeRun(EffectsBenchOptions options, DataSource ds, List<VocabularyTag> tags, PrintWriter out) {
    this.options = options;
    this.ds = ds;
    this.tags = List.copyOf(tags);
    this.out = out;
  }

  SizeResult run(long exposures) throws IOException, InterruptedException, SQLException {
    Path dir = options.out().resolve("exposures-" + exposures);
    Files.createDirectories(dir);
    step("%,d exposures: emptying the database", exposures);
    FreshState.reset(ds);

    step("catalog: %,d videos on %d vocabulary tags, cover set of all of them", options.videos(), tags.size());
    long t0 = System.nanoTime();
    List<CatalogVideo> catalog = ScaleCatalog.draw(tags, options.videos(), options.seed(), "bench-");
    long stored = System.nanoTime();
    int added = new VideoCatalog(ds).addSimulated(catalog, "en");
    double storeSeconds = seconds(stored);
    CoverSet cover = ScaleCatalog.coverSet(catalog, tags);
    new CoverSetRepository(ds).save(TagKind.ITEM, WINDOW_DAYS, 1.0, cover);
    double catalogSeconds = seconds(t0);

    step("simulating %,d users' %,d exposures and writing them as CSV", options.users(), exposures);
    Set<Long> planted = new LinkedHashSet<>(cover.tagIds());
    PlantedWorld world = PlantedWorld.on(catalog, planted, options.users(), exposures, options.segments(),
        options.seed());
    LogCsvFiles.Written csv = LogCsvFiles.write(world, dir, WINDOW_END, WINDOW_DAYS);

    step("tagcf load --users %s --exposures %s", csv.users(), csv.exposures());
    LoadRun.Result load = LoadRun.run(options.database(), csv.users(), csv.exposures(), dir.resolve("load.log"));
    if (!options.keepCsv()) {
      Files.delete(csv.users());
      Files.delete(csv.exposures());
    }
    step("VACUUM ANALYZE users, exposures");
    t0 = System.nanoTime();
    FreshState.settle(ds);
    double settleSeconds = seconds(t0);

    step("snapshot: %d worker processes (-Xmx%s), %d shards", options.workers(), options.workerHeap(),
        options.shards());
    SnapshotBench.Measured snapshot = SnapshotBench.run(options,
        SnapshotBench.request(options, WINDOW_END, WINDOW_DAYS), dir);

    step("checking snapshot %d against the planted truth", snapshot.result().snapshotId());
    EffectReader reader = new EffectReader(ds);
    List<CellEstimate> cells = new ArrayList<>();
    for (long tag : cover.tagIds()) {
      cells.addAll(reader.tagEffects(snapshot.result().snapshotId(), tag, null, null));
    }
    Accuracy accuracy = Accuracy.of(cells, world::truth);
    SnapshotInfo info = reader.snapshot(snapshot.result().snapshotId()).orElseThrow();
    return new SizeResult(exposures, options.videos(), options.users(), tags.size(), options.segments(),
        catalogSeconds, storeSeconds, added, cover.tagIds().size(), csv.seconds(), csv.bytes(), load, settleSeconds,
        snapshot.workersReadySeconds(), snapshot.wallSeconds(), snapshot.timeline(), snapshot.shardsByWorker(),
        snapshot.workers(), snapshot.peakHeapBytes(), info.snapshotId(), info.videos(), info.exposures(), info.tags(),
        info.segments().size(), snapshot.result().cellsEstimated(), snapshot.result().cellsInsufficient(), accuracy);
  }

  private void step(String format, Object... args) {
    out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(LocalTime.now(), args));
    out.flush();
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
