package io.tagcf.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TagcfBenchTest {

  @Test
  void benchIsASubcommandOfTheFullCommandLine() {
    CommandLine cl = TagcfBench.commandLine();
    assertThat(cl.getSubcommands()).containsKeys("bench", "demo", "estimate");
    assertThat(cl.getSubcommands().get("bench").getSubcommands())
        .containsKeys("embed", "ingest", "tagging", "estimate", "simulation-sweep", "effects", "http");
  }

  @Test
  void embedRunsTheJmhBenchmarkForBothContendersAndReportsTheirRatio() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = TagcfBench.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    // In-process and short: this checks the harness (generated benchmark list, parameters,
    // result table), not the figures, which come from a forked run recorded in docs/BENCHMARKS.md.
    int code = cl.execute("bench", "embed", "--forks", "0", "--warmup", "0", "--iterations", "1", "--seconds", "1");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("tagcf +\\d+\\.\\d ± \\S+ +\\d+\\.\\d ± ")
        .containsPattern("plain-ort +\\d+\\.\\d ± \\S+ +\\d+\\.\\d ± ")
        .containsPattern("ratio TagCF / plain at batch 1: \\d+\\.\\d\\d")
        .containsPattern("ratio TagCF / plain at batch 32: \\d+\\.\\d\\d");
  }

  @Test
  void simulationSweepReportsCoverageOfASmallWorld() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = TagcfBench.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("bench", "simulation-sweep", "--seeds", "3", "--videos", "400", "--users", "5000",
        "--exposures", "150000", "--tags", "5", "--segments", "2");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).containsPattern(
        "click seed 3: coverage \\d+\\.\\d%, z mean -?\\d+\\.\\d\\d sd \\d+\\.\\d\\d, median \\|err\\| aipw");
  }
}
