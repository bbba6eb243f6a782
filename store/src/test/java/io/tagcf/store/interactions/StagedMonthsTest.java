package io.tagcf.store.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StagedMonthsTest {

  @Test
  void eachInstantCountsInItsUtcMonthUpToTheLastMicrosecond() {
    StagedMonths months = new StagedMonths();
    List<YearMonth> firsts = new ArrayList<>();
    for (String at : new String[] {"2026-11-15T00:00:00Z", "2026-10-31T23:59:59.999999Z", "2026-11-01T00:00:00Z",
        "2026-11-30T23:59:59Z", "1969-12-31T23:59:59Z", "2026-12-01T00:00:00Z", "2026-10-01T00:00:00Z"}) {
      firsts.add(months.add(Instant.parse(at)));
    }
    assertThat(firsts).containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10), null, null,
        YearMonth.of(1969, 12), YearMonth.of(2026, 12), null);
    assertThat(months.months()).containsExactly(YearMonth.of(1969, 12), YearMonth.of(2026, 10),
        YearMonth.of(2026, 11), YearMonth.of(2026, 12));
    assertThat(Instant.ofEpochSecond(StagedMonths.start(YearMonth.of(2026, 11))))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
  }
}
