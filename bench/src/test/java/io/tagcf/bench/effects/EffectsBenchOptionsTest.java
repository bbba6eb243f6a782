package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.bench.TagcfBench;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EffectsBenchOptionsTest {
  private static final String DB = "postgresql://127.0.0.1:5432/tagcf_bench?user=postgres";
  @TempDir Path dir;

  private EffectsBenchOptions options(List<Long> exposures, int tags, int workers, int shards, String heap,
      String database) {
    return new EffectsBenchOptions(exposures, 100_000, 200_000, tags, 8, workers, shards, heap, database, dir, 1,
        false);
  }

  @Test
  void theDefaultsOfIssue10AreValid() {
    EffectsBenchOptions o = options(List.of(1_000_000L, 3_000_000L, 10_000_000L), 300, 2, 8, "4g", DB);
    assertThat(o.workerHeapBytes()).isEqualTo(4L << 30);
    assertThat(o.databaseUrl().jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tagcf_bench");
  }

  @Test
  void everyProblemNamesItsOption() {
    List<Long> sizes = List.of(1_000_000L);
    assertThatThrownBy(() -> options(List.of(), 300, 2, 8, "4g", DB)).hasMessageStartingWith("--exposures:");
    assertThatThrownBy(() -> options(List.of(1_000_000L, 5L), 300, 2, 8, "4g", DB))
        .hasMessage("--exposures: each size must be between 10,000 and 1,000,000,000, got 5");
    assertThatThrownBy(() -> options(sizes, 4, 2, 4, "4g", DB)).hasMessage("--tags: need at least 5, got 4");
    assertThatThrownBy(() -> options(sizes, 300, 0, 8, "4g", DB)).hasMessageStartingWith("--workers:");
    assertThatThrownBy(() -> options(sizes, 300, 4, 2, "4g", DB))
        .hasMessage("--shards: 2 shards leave some of the 4 --workers with nothing to do");
    assertThatThrownBy(() -> options(sizes, 300, 2, 257, "4g", DB)).hasMessageStartingWith("--shards: must be");
    assertThatThrownBy(() -> options(sizes, 6, 2, 8, "4g", DB)).hasMessage("--shards: more shards (8) than --tags (6)");
    assertThatThrownBy(() -> options(sizes, 300, 2, 8, "4 GB", DB))
        .hasMessage("--worker-heap: '4 GB' is not a heap size such as 4g or 512m");
    assertThatThrownBy(() -> options(sizes, 300, 2, 8, "100m", DB)).hasMessage("--worker-heap: at least 256m, got 100m");
    assertThatThrownBy(() -> options(sizes, 300, 2, 8, "4g", "mysql://x/y")).hasMessageStartingWith("--database:");
    assertThatThrownBy(() -> new EffectsBenchOptions(sizes, 100_000, 200_000, 300, 19, 2, 8, "4g", DB, dir, 1, false))
        .hasMessage("--segments: must be between 1 and 18, got 19");
  }

  @Test
  void heapSizesReadAsTheJvmReadsThem() {
    assertThat(EffectsBenchOptions.heapBytes("4g")).isEqualTo(4L << 30);
    assertThat(EffectsBenchOptions.heapBytes("512M")).isEqualTo(512L << 20);
    assertThat(EffectsBenchOptions.heapBytes("1048576k")).isEqualTo(1L << 30);
    assertThat(EffectsBenchOptions.heapBytes("1073741824")).isEqualTo(1L << 30);
    assertThatThrownBy(() -> EffectsBenchOptions.heapBytes("0g")).hasMessageStartingWith("--worker-heap:");
    assertThatThrownBy(() -> EffectsBenchOptions.heapBytes("-4g")).hasMessageStartingWith("--worker-heap:");
    assertThatThrownBy(() -> EffectsBenchOptions.heapBytes("9999999999g")).hasMessageContaining("more than 1 TiB");
  }

  @Test
  void aBadOptionIsAUsageErrorBeforeAnythingRuns() throws Exception {
    Path file = Files.createFile(dir.resolve("a-file"));
    for (String[] args : List.of(
        new String[] {"--tags", "3"},
        new String[] {"--worker-heap", "lots"},
        new String[] {"--exposures", "1000000,0"},
        new String[] {"--out", file.toString()})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CommandLine cl = TagcfBench.commandLine();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      String[] full = new String[args.length + 2];
      full[0] = "bench";
      full[1] = "effects";
      System.arraycopy(args, 0, full, 2, args.length);
      assertThat(cl.execute(full)).as(err.toString()).isEqualTo(2);
      assertThat(err.toString()).startsWith("tagcf bench effects: error: " + args[0] + ":");
      assertThat(out.toString()).isEmpty();
    }
  }
}
