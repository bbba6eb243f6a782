package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadRunTest {

  @Test
  void readsEachFilesLineOfTheLoadCommand() {
    // As LoadCommand prints them (Locale.ROOT grouping); a path with a comma in it too.
    String output = "users: 200,000 rows read from /tmp/a,b/users.csv, 200,000 new, 0 already stored, 1.3 s"
        + " (153,846 rows/s)\n"
        + "exposures: 1,000,000 rows read from /tmp/a,b/exposures.csv, 999,990 new, 10 already stored, 5.0 s"
        + " (199,000 rows/s)\n";
    LoadRun.LoadedFile exposures = LoadRun.line(output, "exposures");
    assertThat(exposures).isEqualTo(new LoadRun.LoadedFile("exposures", 1_000_000, 999_990, 5.0, 199_000));
    assertThat(LoadRun.line(output, "users").rowsPerSecond()).isEqualTo(153_846);
    assertThatThrownBy(() -> LoadRun.line("tagcf load: error: no such file", "exposures"))
        .hasMessageStartingWith("tagcf load printed no line for exposures");
  }
}
