package io.tagcf.bench.effects;

import io.tagcf.bench.effects.ScaleCatalog.VocabularyTag;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.SetupScript;
import io.tagcf.store.Database;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench effects}: issue 10's scale benchmark. For each log size, from an empty
 * database: a simulated catalog on real vocabulary tags with a cover set of {@code --tags} tags,
 * a simulated log written as CSV, {@code tagcf load}, and an effect snapshot on {@code --workers}
 * worker processes; time per phase, each worker's peak heap from its GC log, which worker ran which
 * shards, and the estimates against the planted truth. Results go to docs/BENCHMARKS.md.
 */
@Command(name = "effects", mixinStandardHelpOptions = true,
    description = {
      "Time effect snapshots at scale, from tagcf load to a published snapshot on worker processes.",
      "Each size starts from an empty database (the tag vocabulary is kept) and ends with a table of its phases;"
          + " results.json in --out keeps every figure."
    })
public final class EffectsBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--exposures", split = ",", paramLabel = "N", defaultValue = "1000000,3000000,10000000",
      description = "Log sizes, each measured from an empty database (default ${DEFAULT-VALUE}).")
  List<Long> exposures;

  @Option(names = "--videos", defaultValue = "100000", description = "Catalog videos (default ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--users", defaultValue = "200000", description = "Users of the log (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--tags", defaultValue = "300",
      description = "Vocabulary item tags on the videos, all in the cover set (default ${DEFAULT-VALUE}).")
  int tags;

  @Option(names = "--segments", defaultValue = "8",
      description = "User segments (age band x city tier; default ${DEFAULT-VALUE}).")
  int segments;

  @Option(names = "--workers", defaultValue = "2", description = "Worker processes (default ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--shards", defaultValue = "8", description = "Tag shards of the snapshot (default ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--worker-heap", defaultValue = "4g", paramLabel = "SIZE",
      description = "Each worker's -Xmx (default ${DEFAULT-VALUE}).")
  String workerHeap;

  @Option(names = "--database", paramLabel = "URL", defaultValue = "postgresql://127.0.0.1:5432/tagcf_bench?user=postgres",
      description = "Database to use; everything but its tag vocabulary is deleted (default ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--out", defaultValue = "target/bench-effects", paramLabel = "DIR",
      description = "CSV files, worker and GC logs, results.json (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the catalog and the log (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--keep-csv", description = "Keep each size's users.csv and exposures.csv after loading them.")
  boolean keepCsv;

  @Override
  public Integer call() throws Exception {
    EffectsBenchOptions options = options();
    PrintWriter stdout = spec.commandLine().getOut();
    Instant started = Instant.now();
    SetupScript.runFor(options.databaseUrl());
    Files.createDirectories(options.out());
    try (Database db = Database.open(options.databaseUrl(), 4)) {
      Machine machine = Machine.describe(db.dataSource());
      stdout.println("machine: " + machine.describe());
      List<VocabularyTag> vocabulary =
          FreshState.vocabulary(db.dataSource(), TagcfConfig.fromEnvironment().embeddingModel());
      if (vocabulary.size() < options.tags()) {
        throw new ParameterException(spec.commandLine(), "--tags: " + options.tags() + " asked for, the vocabulary has "
            + vocabulary.size() + " item tags");
      }
      EffectsBenchReport report = new EffectsBenchReport(stdout);
      List<SizeResult> results = new ArrayList<>();
      for (long n : options.exposures()) {
        SizeResult r = new SizeRun(options, db.dataSource(), vocabulary.subList(0, options.tags()), stdout).run(n);
        results.add(r);
        report.size(r);
        ResultsFile.write(options, machine, started, results);
      }
      report.summary(results);
      stdout.println("results: " + options.out().resolve("results.json"));
      stdout.flush();
    }
    return 0;
  }

  /** The options checked; a wrong one is a usage error (exit 2) that names it. */
  EffectsBenchOptions options() {
    try {
      return new EffectsBenchOptions(exposures, videos, users, tags, segments, workers, shards, workerHeap, database,
          out, seed, keepCsv);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
