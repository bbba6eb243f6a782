package io.tagcf.store.interactions;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The months (UTC) of a load's exposures, noted as they are read: the partitions the load needs.
 * Noting them here spares a DISTINCT over every row; a row of a month seen already, nearly every
 * row, costs a comparison with the few months' bounds.
 */
final class StagedMonths {
  private final Set<YearMonth> months = new TreeSet<>();
  /** Start and end (epoch seconds) of each month noted, in pairs. */
  private final List<long[]> bounds = new ArrayList<>();
  /** The bounds of the last row's month: logs sorted by time hit them row after row. */
  private long[] last = {0, 0};

  /** Notes the instant's month; returns it when no instant noted before was in it, else null. */
  YearMonth add(Instant at) {
    long second = at.getEpochSecond();
    if (second >= last[0] && second < last[1]) {
      return null;
    }
    for (long[] b : bounds) {
      if (second >= b[0] && second < b[1]) {
        last = b;
        return null;
      }
    }
    YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
    months.add(month);
    last = new long[] {start(month), start(month.plusMonths(1))};
    bounds.add(last);
    return month;
  }

  /** The months noted, in order. */
  Set<YearMonth> months() {
    return months;
  }

  static long start(YearMonth month) {
    return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
  }
}
