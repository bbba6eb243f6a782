package io.tagcf.analysis.interactions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the instants of an exposure log. {@link Instant#parse} goes through the general formatter
 * (a field map and a resolver per value): 0.5 µs a value, 40% of the time to parse a log row. The
 * form exports write, {@code 2026-11-30T10:00:00Z} with an optional fraction of 1 to 9 digits, is
 * read here directly in 0.04 µs. Anything else (an offset, a leap second, a day the month lacks, a malformed value)
 * goes to {@link Instant#parse}, so what is accepted, and the exception for what is not, stay its.
 */
final class IsoInstant {
  private static final int[] NANOS_PER_DIGIT = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000,
      100, 10, 1};

  private IsoInstant() {}

  static Instant parse(String text) {
    Instant fast = common(text);
    return fast != null ? fast : Instant.parse(text);
  }

  /** The instant of text in the common form, or null when text is in any other form. */
  private static Instant common(String s) {
    int n = s.length();
    if (n < 20 || n == 21 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int nanos = 0;
    if (n > 20) {
      int fractionDigits = n - 21;
      int fraction = s.charAt(19) == '.' ? digits(s, 20, fractionDigits) : -1;
      if (fraction < 0) {
        return null;
      }
      nanos = fraction * NANOS_PER_DIGIT[fractionDigits];
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
  }

  /** The decimal value of {@code count} ASCII digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = s.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
