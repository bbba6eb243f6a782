package io.tagcf.bench;

import io.tagcf.ops.TagcfCommand;
import picocli.CommandLine;

/**
 * Entry point of the benchmark build ({@code ./tagcf bench ...}): the {@code tagcf} command with
 * its {@code bench} subcommand added. Benchmarks, their baselines and JMH stay out of the
 * production jar.
 */
public final class TagcfBench {

  private TagcfBench() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The full command line with {@code bench}; tests run benchmarks through it in-process. */
  public static CommandLine commandLine() {
    // Enum options (e.g. --targets explanation,tags) are written in lower case, like every other value.
    return TagcfCommand.commandLine().addSubcommand(new BenchCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
