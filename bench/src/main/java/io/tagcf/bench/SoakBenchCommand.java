package io.tagcf.bench;

import io.tagcf.bench.soak.SoakRun;
import io.tagcf.ops.demo.SampleCorpus;
import io.tagcf.store.DatabaseUrl;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf bench soak}: mixed traffic for a long time on the embedded stack, to show that
 * nothing degrades or accumulates: per minute, each route's rate, failures and latency, and the
 * live heap, threads and database connections; at the end, whether every accepted upload is done.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    description = "Mixed traffic (uploads and reads) for a long time on the embedded stack; per-minute"
        + " latency, failures, live heap, threads and connections; every upload done at the end.")
final class SoakBenchCommand implements Callable<Integer> {

  @Option(names = "--minutes", defaultValue = "30",
      description = "How long the traffic runs (default ${DEFAULT-VALUE}).")
  int minutes;

  @Option(names = "--upload-rate", defaultValue = "11",
      description = "Uploads per second (default ${DEFAULT-VALUE}: half the 23 videos/s that `tagcf bench ingest`"
          + " measured on 2 cores).")
  double uploadRate;

  @Option(names = "--read-rate", defaultValue = "1000",
      description = "Reads per second: 60%% /v1/tags, 30%% /v1/videos/{id}, 10%% /v1/videos/{id}/similar"
          + " (default ${DEFAULT-VALUE}).")
  double readRate;

  @Option(names = "--seed-videos", defaultValue = "300",
      description = "Videos ingested before the traffic starts, for the reads to find (default ${DEFAULT-VALUE}).")
  int seedVideos;

  @Option(names = "--database", defaultValue = "postgresql://127.0.0.1:5432/tagcf_bench?user=postgres",
      description = "Database to use; its videos are deleted first (default ${DEFAULT-VALUE}).")
  String database;

  @Override
  public Integer call() throws Exception {
    if (minutes < 1 || !(uploadRate > 0) || !(readRate > 0) || seedVideos < 1) {
      throw new IllegalArgumentException("--minutes, --upload-rate, --read-rate and --seed-videos must be positive");
    }
    DatabaseUrl url = BenchVideos.emptied(database);
    SoakRun run = new SoakRun(url, Duration.ofMinutes(minutes), uploadRate, readRate, seedVideos,
        n -> IngestBenchCommand.synthesise(SampleCorpus.bundled(), n));
    return run.call();
  }
}
