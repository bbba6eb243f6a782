package io.tagcf.bench.effects;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.ops.demo.SimulatedInteractions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The run's machine-readable record, {@code results.json} in --out: the machine, the options and
 * every size measured so far (rewritten after each size, so a run stopped at 10M keeps 1M and 3M).
 */
final class ResultsFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultsFile() {}

  static Path write(EffectsBenchOptions options, Machine machine, Instant started, List<SizeResult> sizes)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("benchmark", "tagcf bench effects");
    root.put("started", started.toString());
    root.set("machine", JSON.valueToTree(machine));
    ObjectNode o = root.putObject("options");
    o.set("exposures", JSON.valueToTree(options.exposures()));
    o.put("videos", options.videos());
    o.put("users", options.users());
    o.put("tags", options.tags());
    o.put("segments", options.segments());
    o.put("segmentScheme", SimulatedInteractions.SEGMENTS);
    o.put("workers", options.workers());
    o.put("shards", options.shards());
    o.put("workerHeap", options.workerHeap());
    o.put("database", options.databaseUrl().toString());
    o.put("seed", options.seed());
    o.put("windowEnd", SizeRun.WINDOW_END.toString());
    o.put("windowDays", SizeRun.WINDOW_DAYS);
    ObjectNode targets = root.putObject("targets");
    targets.put("loadRowsPerSecond", EffectsBenchReport.LOAD_TARGET_ROWS_PER_SECOND);
    targets.put("snapshotSeconds", EffectsBenchReport.SNAPSHOT_TARGET_SECONDS);
    targets.put("peakWorkerHeapBytes", EffectsBenchReport.HEAP_TARGET_BYTES);
    root.set("sizes", JSON.valueToTree(sizes));
    Path file = options.out().resolve("results.json");
    Files.createDirectories(options.out());
    JSON.writeValue(file.toFile(), root);
    return file;
  }
}
