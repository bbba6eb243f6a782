package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

  @Test
  void peakIsTheLargestHeapBeforeAnyPause() {
    // Lines as OpenJDK 17's -Xlog:gc writes them (G1), including those without heap figures.
    GcLog.Summary s = GcLog.parse(List.of(
        "[0.005s][info][gc] Using G1",
        "[0.537s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 6M->3M(64M) 4.647ms",
        "[0.853s][info][gc] GC(5) Pause Young (Concurrent Start) (G1 Humongous Allocation) 812M->123M(1024M) 1.843ms",
        "[0.863s][info][gc] GC(7) Concurrent Mark Cycle",
        "[0.871s][info][gc] GC(15) To-space exhausted",
        "[0.885s][info][gc] GC(17) Pause Full (G1 Compaction Pause) 1G->700M(2G) 13.221ms",
        "[0.891s][info][gc] GC(7) Concurrent Mark Cycle 27.985ms",
        "[0.899s][info][gc] GC(22) Pause Remark 900M->900M(2048M) 1.210ms",
        "[0.902s][info][gc] GC(22) Pause Cleanup 36M->36M(62M) 0.024ms",
        "[1.002s][info][gc] GC(23) Pause Young (Normal) (G1 Evacuation Pause) 512K->256K(8192K) 0.5ms"));
    assertThat(s.peakBytes()).isEqualTo(1L << 30);
    assertThat(s.peakLiveBytes()).isEqualTo(900L << 20);
    assertThat(s.peakCommittedBytes()).isEqualTo(2L << 30);
    assertThat(s.pauses()).isEqualTo(6);
    assertThat(s.pauseSeconds()).isCloseTo((4.647 + 1.843 + 13.221 + 1.210 + 0.024 + 0.5) / 1000, within());
    assertThat(s.describe()).startsWith("peak 1,024 MiB (after a collection 900 MiB, committed 2,048 MiB), 6 pauses");
  }

  @Test
  void aLogWithoutPausesHasNoPeak() {
    GcLog.Summary s = GcLog.parse(List.of("[0.005s][info][gc] Using G1"));
    assertThat(s).isEqualTo(GcLog.Summary.NONE);
    assertThat(s.describe()).isEqualTo("no collections logged");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
