package io.tagcf.analysis.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCsvWriterTest {
  @TempDir Path dir;

  @Test
  void exposuresReadBackAsTheSameRecords() throws IOException {
    List<Exposure> written = List.of(
        new Exposure("e1", "u1", "v1", Instant.parse("2026-11-30T10:00:00Z"), true, 0.35, false, false, false, 3),
        // Quotes and commas in ids, sub-second times, no position, exploration traffic.
        new Exposure("e\"2", "u,2", "v\n2", Instant.parse("2026-11-30T10:00:00.123456Z"), false, 1.0, true, true,
            true, null),
        new Exposure("e3", "u3", "v3", Instant.parse("2026-12-01T00:00:00Z"), true, 1e-7, false, true, false, 0));
    Path file = dir.resolve("exposures.csv");
    try (ExposureCsvWriter w = ExposureCsvWriter.create(file)) {
      for (Exposure e : written) {
        w.write(e);
      }
      assertThat(w.rows()).isEqualTo(3);
    }
    List<Exposure> read = new ArrayList<>();
    try (ExposureCsv rows = ExposureCsv.open(file)) {
      rows.forEachRemaining(read::add);
    }
    assertThat(read).containsExactlyElementsOf(written);
    assertThat(Files.readAllLines(file, StandardCharsets.UTF_8).get(1))
        .isEqualTo("e1,u1,v1,2026-11-30T10:00:00Z,1,0.35,0,0,0,3");
  }

  @Test
  void usersReadBackWithTheirAttributes() throws IOException {
    List<UserProfile> written = List.of(
        new UserProfile("u1", "18-24", "1", null, Map.of("interest", "games", "device", "ios")),
        new UserProfile("u2", null, null, "f", Map.of()),
        new UserProfile("u3", "25-34", "tier 2", "m", Map.of("interest", "cars, boats")));
    Path file = dir.resolve("users.csv");
    try (UserCsvWriter w = UserCsvWriter.create(file, List.of("interest", "device"))) {
      for (UserProfile u : written) {
        w.write(u);
      }
    }
    List<UserProfile> read = new ArrayList<>();
    try (UserCsv rows = UserCsv.open(file)) {
      rows.forEachRemaining(read::add);
    }
    assertThat(read).containsExactlyElementsOf(written);
  }

  @Test
  void refusesWhatWouldNotReadBackAndDropsTheRefusedRowWhole() throws IOException {
    Path file = dir.resolve("exposures.csv");
    Exposure good = new Exposure("e1", "u1", "v1", Instant.parse("2026-11-30T10:00:00Z"), true, 1, true, false,
        false, null);
    try (ExposureCsvWriter w = ExposureCsvWriter.create(file)) {
      assertThatThrownBy(() -> w.write(new Exposure("e0", "u1", " v1", good.exposedAt(), true, 1, true, false,
          false, null)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("' v1' begins or ends with white space");
      w.write(good);
    }
    List<Exposure> read = new ArrayList<>();
    try (ExposureCsv rows = ExposureCsv.open(file)) {
      rows.forEachRemaining(read::add);
    }
    assertThat(read).containsExactly(good);

    try (UserCsvWriter w = UserCsvWriter.create(dir.resolve("users.csv"), List.of("interest"))) {
      assertThatThrownBy(() -> w.write(new UserProfile("u1", null, null, null, Map.of("device", "ios"))))
          .hasMessageContaining("user u1 has attributes without a column: [device]");
    }
    assertThatThrownBy(() -> UserCsvWriter.create(dir.resolve("bad.csv"), List.of("gender")))
        .hasMessageContaining("'gender' is named twice or is a field of its own");
  }
}
