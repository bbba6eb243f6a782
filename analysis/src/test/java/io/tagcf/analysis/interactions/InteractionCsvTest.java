package io.tagcf.analysis.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.analysis.BadInputException;
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

class InteractionCsvTest {
  @TempDir Path dir;

  @Test
  void exposuresWithAndWithoutTheOptionalColumns() throws IOException {
    Path file = write("e.csv", "\uFEFFvideo_id,event_id,user_id,exposed_at,clicked,watch_ratio,completed,liked,extra\n"
        + "v1,e1,u1,2026-11-30T10:00:00Z,TRUE,1.5,1,0,ignored\n\n"
        + "\"v,2\", e2 ,u2,2026-11-30T10:00:00.5Z,0,0,false,true,\n");
    List<Exposure> rows = read(file);
    assertThat(rows).containsExactly(
        new Exposure("e1", "u1", "v1", Instant.parse("2026-11-30T10:00:00Z"), true, 1.5, true, false, false, null),
        new Exposure("e2", "u2", "v,2", Instant.parse("2026-11-30T10:00:00.5Z"), false, 0, false, true, false, null));
    Path full = write("f.csv", "event_id,user_id,video_id,exposed_at,clicked,watch_ratio,completed,liked,exploration,"
        + "position\ne1,u1,v1,2026-11-30T10:00:00Z,1,0.2,0,0,1,7\n");
    assertThat(read(full).get(0).exploration()).isTrue();
    assertThat(read(full).get(0).position()).isEqualTo(7);
  }

  @Test
  void everyExposureErrorNamesTheFileLineAndColumn() throws IOException {
    String header = "event_id,user_id,video_id,exposed_at,clicked,watch_ratio,completed,liked,position\n";
    assertRejected(write("a.csv", header + "e1,u1,v1,2026-11-30T10:00:00Z,1,abc,0,0,\n"),
        "a.csv line 2: column 'watch_ratio' 'abc' is not a finite number");
    assertRejected(write("b.csv", header + "e1,u1,v1,2026-11-30T10:00:00Z,1,NaN,0,0,\n"),
        "b.csv line 2: column 'watch_ratio' 'NaN' is not a finite number");
    assertRejected(write("c.csv", header + "e1,u1,v1,2026-11-30T10:00:00Z,1,0.5,0,0,-2\n"),
        "c.csv line 2: position must be >= 0 (got -2)");
    assertRejected(write("d.csv", header + "e1,u1,v1,2026-11-30T10:00:00Z,1,0.5,0,0,1.5\n"),
        "d.csv line 2: column 'position' '1.5' is not a whole number");
    assertRejected(write("e.csv", header + ",u1,v1,2026-11-30T10:00:00Z,1,0.5,0,0,\n"),
        "e.csv line 2: event_id must not be empty");
    assertRejected(write("g.csv", header + "e1,u1,v1,2026-11-30T10:00:00Z,1,0.5,0,0,1,extra\n"),
        "g.csv line 2: has 10 fields, the header 9");
    assertRejected(write("h.csv", "event_id,event_id\n"), "column 'event_id' appears twice in the header");
    assertRejected(write("i.csv", ""), "empty file");
  }

  @Test
  void usersKeepFurtherColumnsAsAttributes() throws IOException {
    Path file = write("u.csv", "user_id,gender,interest,age_band\nu1,f,games,18-24\nu2,,,\n");
    List<UserProfile> users = new ArrayList<>();
    try (UserCsv csv = UserCsv.open(file)) {
      csv.forEachRemaining(users::add);
    }
    assertThat(users).containsExactly(new UserProfile("u1", "18-24", null, "f", Map.of("interest", "games")),
        new UserProfile("u2", null, null, null, Map.of()));
    assertThatThrownBy(() -> UserCsv.open(write("v.csv", "id\nu1\n"))).isInstanceOf(BadInputException.class)
        .hasMessageContaining("required column 'user_id' is missing (header: id)");
  }

  private void assertRejected(Path file, String message) {
    assertThatThrownBy(() -> read(file)).isInstanceOf(BadInputException.class).hasMessageContaining(message);
  }

  private static List<Exposure> read(Path file) throws IOException {
    List<Exposure> rows = new ArrayList<>();
    try (ExposureCsv csv = ExposureCsv.open(file)) {
      csv.forEachRemaining(rows::add);
    }
    return rows;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
