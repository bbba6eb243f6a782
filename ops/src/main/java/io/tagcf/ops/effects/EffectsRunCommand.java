package io.tagcf.ops.effects;

import io.tagcf.batch.Progress;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tagcf effects run}: starts a snapshot on the running platform and follows it to the end. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Start an effect snapshot now and wait for it to be published.",
      "Needs a running platform: Temporal at TEMPORAL_ADDRESS (default the dev server of `tagcf dev`) with a"
          + " worker. Exit status: 0 published, 1 failed or unreachable, 2 bad options."
    })
final class EffectsRunCommand implements Callable<Integer> {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--window-days", description = "Days of exposures before the window end (default ${DEFAULT-VALUE}).",
      defaultValue = "30")
  int windowDays;

  @Option(names = "--window-end", paramLabel = "INSTANT", description = "End of the window, ISO-8601 (default now).")
  String windowEnd;

  @Option(names = "--segments", description = "Segment scheme: age_band, city_tier, gender, role, attr:KEY,"
      + " comma-separated (default ${DEFAULT-VALUE}).", defaultValue = "age_band")
  String segments;

  @Option(names = "--shards", description = "Tag shards, run in parallel by the workers (default ${DEFAULT-VALUE}).",
      defaultValue = "8")
  int shards;

  @Option(names = "--seed", description = "Seed of the cross-fitting folds and refuters (default ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(names = "--no-wait", description = "Print the workflow id and return without waiting.")
  boolean noWait;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    Instant end = parseEnd();
    EffectRequest request = new EffectRequest(end, windowDays, segments, shards, EffectSettings.defaults(seed));
    List<String> problems = request.problems();
    if (!problems.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), String.join("; ", problems));
    }
    TagcfConfig config = TagcfCommand.config(spec);
    String address = config.temporalAddress().orElse("127.0.0.1:" + config.devTemporalPort());
    String id = EffectEstimationWorkflow.ID_PREFIX + "cli-" + ID_TIME.format(Instant.now());
    try (TemporalConnection temporal = new TemporalConnection(address, config.temporalNamespace(),
        new SimpleMeterRegistry())) {
      WorkflowClient client = temporal.client();
      EffectEstimationWorkflow workflow = client.newWorkflowStub(EffectEstimationWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.EFFECTS).build());
      WorkflowClient.start(workflow::estimate, request);
      out.println("started " + id);
      if (noWait) {
        return 0;
      }
      CompletableFuture<SnapshotResult> done = WorkflowStub.fromTyped(workflow).getResultAsync(SnapshotResult.class);
      try (Progress bar = Progress.of("shards", -1, Progress.terminal())) {
        while (!done.isDone()) {
          EffectProgress p = workflow.progress();
          bar.stepTo(p.shardsDone());
          try {
            done.get(1, TimeUnit.SECONDS);
          } catch (java.util.concurrent.TimeoutException e) {
            // still running: report progress again
          }
        }
      }
      SnapshotResult result = done.get();
      if (!"published".equals(result.status())) {
        out.printf("snapshot %d failed: %s%n", result.snapshotId(), result.error());
        return 1;
      }
      out.printf("snapshot %d published: %d cells estimated, %d insufficient%n", result.snapshotId(),
          result.cellsEstimated(), result.cellsInsufficient());
      return 0;
    }
  }

  private Instant parseEnd() {
    if (windowEnd == null) {
      return null;
    }
    try {
      return Instant.parse(windowEnd);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--window-end: not an ISO-8601 instant (e.g. 2026-11-30T00:00:00Z): " + windowEnd);
    }
  }
}
