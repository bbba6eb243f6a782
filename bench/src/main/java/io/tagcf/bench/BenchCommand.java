package io.tagcf.bench;

import io.tagcf.bench.effects.EffectsBenchCommand;
import io.tagcf.bench.http.HttpBenchCommand;
import picocli.CommandLine.Command;

/** {@code tagcf bench}: reproducible performance measurements; results go to docs/BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
      "Run the benchmarks.",
      "Results, the machine and the commands that reproduce them are recorded in docs/BENCHMARKS.md."
    },
    subcommands = {
      EmbedBenchCommand.class,
      IngestBenchCommand.class,
      TaggingBenchCommand.class,
      TagQualityBenchCommand.class,
      RankingBenchCommand.class,
      RankScoresBenchCommand.class,
      BenchEstimateCommand.class,
      SimulationSweepCommand.class,
      EffectsBenchCommand.class,
      HttpBenchCommand.class,
      SoakBenchCommand.class
    })
public final class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
