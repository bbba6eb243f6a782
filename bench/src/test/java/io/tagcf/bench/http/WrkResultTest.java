package io.tagcf.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkResultTest {

  private static final String OUTPUT = """
      Running 30s test @ http://127.0.0.1:8080/v1/tags
        2 threads and 64 connections
      WRK-RESULT {"requests":150000,"durationMicros":30000000,"bytes":9000000,"non2xx":3,"connectErrors":0,\
      "readErrors":1,"writeErrors":0,"timeouts":2,"p50":4100,"p90":7800,"p99":21000,"p999":40000,"max":61000,"mean":4800.5}
      0m0.004s 0m0.001s
      0m6.250s 0m8.750s
      """;

  @Test
  void readsTheScriptsLineAndWrksOwnCpuTime() {
    WrkResult r = WrkResult.parse(OUTPUT);
    assertThat(r.requests()).isEqualTo(150_000);
    assertThat(r.requestsPerSecond()).isEqualTo(5_000.0);
    assertThat(r.p99()).isEqualTo(21_000);
    assertThat(r.non2xx()).isEqualTo(3);
    assertThat(r.socketErrors()).isEqualTo(3);
    assertThat(r.clean()).isFalse();
    // 6.25 s user + 8.75 s system over 30 s: half a core.
    assertThat(r.wrkCpuNanos()).isEqualTo(15_000_000_000L);
    assertThat(r.wrkCores()).isEqualTo(0.5);
  }

  @Test
  void aRunWithoutErrorsIsClean() {
    WrkResult r = WrkResult.parse(OUTPUT.replace("\"non2xx\":3", "\"non2xx\":0").replace("\"readErrors\":1", "\"readErrors\":0")
        .replace("\"timeouts\":2", "\"timeouts\":0"));
    assertThat(r.clean()).isTrue();
  }

  @Test
  void cpuTimeIsUnknownWhenTheShellDidNotReportIt() {
    assertThat(WrkResult.shellTimes("garbage")).isEqualTo(-1);
    assertThat(WrkResult.shellTimes("1m2.5s 0m0.5s")).isEqualTo(63_000_000_000L);
    WrkResult r = WrkResult.parse(OUTPUT.lines().limit(3).reduce((a, b) -> a + "\n" + b).orElseThrow());
    assertThat(r.wrkCpuNanos()).isEqualTo(-1);
    assertThat(r.wrkCores()).isNaN();
  }

  @Test
  void outputWithoutAResultIsAnError() {
    assertThatThrownBy(() -> WrkResult.parse("unable to connect to 127.0.0.1:8080 Connection refused\n"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Connection refused");
  }
}
