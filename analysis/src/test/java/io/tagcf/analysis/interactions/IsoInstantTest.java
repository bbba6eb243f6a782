package io.tagcf.analysis.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must read exactly what {@link Instant#parse} reads, and leave the rest to it. */
class IsoInstantTest {

  @Test
  void theCommonFormReadsAsInstantParseReadsIt() {
    List<String> texts = List.of("2026-11-30T10:00:00Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
        "2024-02-29T12:34:56.5Z", "2000-02-29T00:00:00.123Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.000001Z",
        "2026-10-31T23:59:59.123456Z", "2026-03-01T00:00:00.10Z");
    for (String text : texts) {
      assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @Test
  void randomInstantsRoundTrip() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-5_000_000_000L, 200_000_000_000L),
          random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
      String text = instant.toString();
      assertThat(IsoInstant.parse(text)).as(text).isEqualTo(instant);
    }
  }

  @Test
  void otherFormsAreLeftToInstantParse() {
    // Forms Instant.parse accepts besides the common one: it decides what they mean.
    for (String other : List.of("2026-11-30T18:00:00+08:00", "2026-11-30T24:00:00Z", "2026-11-30T23:59:60Z",
        "2026-11-30T10:00:00.Z", "2026-11-30T10:00:00z", "+12026-11-30T10:00:00Z")) {
      assertThat(IsoInstant.parse(other)).as(other).isEqualTo(Instant.parse(other));
    }
    for (String bad : List.of("2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z",
        "2026-11-30T25:00:00Z", "2026-11-30T10:60:00Z", "2026-11-30 10:00:00Z", "2026-11-30T10:00:00",
        "2026-11-30T10:00:00.1234567890Z", "2026-11-3OT10:00:00Z", "2026-11-30T10:00:0-Z", "yesterday", "",
        "+2026-11-30T10:00:00Z")) {
      assertThatThrownBy(() -> IsoInstant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
      assertThatThrownBy(() -> Instant.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }
}
