package io.tagcf.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuClockTest {

  @Test
  void countsFieldsFromTheLastParenthesisSinceTheNameMayHoldSpacesAndParentheses() {
    String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
    assertThat(CpuClock.processTicks(stat)).isEqualTo(1234 + 567);
  }

  @Test
  void readsThisProcessAndTheMachine() {
    long self = CpuClock.processNanos(ProcessHandle.current().pid());
    assertThat(self).isPositive();
    assertThat(CpuClock.machineBusyNanos()).isGreaterThanOrEqualTo(self);
    assertThat(CpuClock.processNanos(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
