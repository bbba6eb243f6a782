package io.tagcf.ops.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.ops.estimate.CommandRun;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.TestSql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagcf load} against the real test database. Its rows carry the prefix {@code loadcmd-}
 * and are removed before each test, so other tests' rows are never touched.
 */
class LoadCommandTest {
  private static final String URL = System.getProperty("tagcf.test.database.url",
      "postgresql://127.0.0.1:5432/tagcf_test?user=postgres");
  private static Database db;

  @TempDir Path dir;

  @BeforeAll
  static void open() {
    db = Database.open(DatabaseUrl.parse(URL), 2);
  }

  @AfterAll
  static void close() {
    clean();
    db.close();
  }

  @BeforeEach
  void prepare() {
    clean();
    sql("INSERT INTO videos (video_id, creator_id, title, language, content_hash) VALUES"
        + " ('loadcmd-v1', 'loadcmd-c', 't', 'zh', 'h1')");
  }

  @Test
  void loadsUsersAndExposuresOnceAndSaysWhatItDid() throws IOException {
    Path users = write("users.csv", "user_id,age_band,city_tier,gender,interest\n"
        + "loadcmd-u1,18-24,tier1,f,games\nloadcmd-u2,,,,\n");
    Path log = write("exposures.csv", "event_id,user_id,video_id,exposed_at,clicked,watch_ratio,completed,liked,"
        + "exploration,position\n"
        + "loadcmd-e1,loadcmd-u1,loadcmd-v1,2026-11-30T10:00:00Z,1,0.8,0,1,0,2\n"
        + "loadcmd-e2,loadcmd-u2,loadcmd-v1,2026-11-30T10:05:00Z,false,0,false,false,true,\n");
    CommandRun first = run("--users", users.toString(), "--exposures", log.toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("users: 2 rows read from " + users + ", 2 new, 0 already stored")
        .contains("exposures: 2 rows read from " + log + ", 2 new, 0 already stored");
    CommandRun again = run("--users", users.toString(), "--exposures", log.toString());
    assertThat(again.out()).contains("exposures: 2 rows read from " + log + ", 0 new, 2 already stored");
    assertThat(count("SELECT count(*) FROM exposures WHERE event_id LIKE 'loadcmd-%'")).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM users WHERE attributes->>'interest' = 'games'")).isEqualTo(1);
  }

  @Test
  void badInputExitsTwoWithOneLineAndStoresNothing() throws IOException {
    write("users.csv", "user_id\nloadcmd-u1\n");
    run("--users", dir.resolve("users.csv").toString());
    String header = "event_id,user_id,video_id,exposed_at,clicked,watch_ratio,completed,liked\n";
    String good = "loadcmd-e1,loadcmd-u1,loadcmd-v1,2026-11-30T10:00:00Z,1,0.5,0,0\n";
    assertBadInput(run(), "nothing to load: give --exposures FILE, --users FILE or both");
    assertBadInput(run("--exposures", write("a.csv", header + good
        + "loadcmd-e2,loadcmd-u1,loadcmd-v1,yesterday,1,0.5,0,0\n").toString()),
        "a.csv line 3: column 'exposed_at' 'yesterday' is not an ISO-8601 instant");
    assertBadInput(run("--exposures", write("b.csv", header + good
        + "loadcmd-e2,loadcmd-u1,loadcmd-v1,2026-11-30T10:00:00Z,maybe,0.5,0,0\n").toString()),
        "b.csv line 3: column 'clicked' 'maybe' is not 0/1 or true/false");
    assertBadInput(run("--exposures", write("c.csv", header + good
        + "loadcmd-e2,loadcmd-u1,loadcmd-v1,2026-11-30T10:00:00Z,1,-1,0,0\n").toString()),
        "c.csv line 3: watch_ratio must be a finite number >= 0 (got -1.0)");
    assertBadInput(run("--exposures", write("d.csv", header + good
        + "loadcmd-e2,loadcmd-u1,loadcmd-nope,2026-11-30T10:00:00Z,1,0.5,0,0\n").toString()),
        "unknown video_id 'loadcmd-nope'");
    assertBadInput(run("--exposures", write("e.csv", header + good + good).toString()),
        "event_id 'loadcmd-e1' appears more than once in the input");
    assertBadInput(run("--exposures", write("f.csv", "event_id,user_id\nx,y\n").toString()),
        "required column 'video_id' is missing");
    assertBadInput(run("--exposures", write("g.csv", header + "loadcmd-e3,loadcmd-u1\n").toString()),
        "g.csv line 2: has 2 fields, the header 8");
    assertBadInput(run("--exposures", dir.resolve("absent.csv").toString()), "absent.csv");
    assertThat(count("SELECT count(*) FROM exposures WHERE event_id LIKE 'loadcmd-%'")).isZero();
  }

  private static void assertBadInput(CommandRun run, String fragment) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private CommandRun run(String... args) {
    return CommandRun.of((out, err) -> new LoadCommand(out, err, Map.of("DATABASE_URL", URL)), args);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private static void clean() {
    sql("DELETE FROM exposures WHERE event_id LIKE 'loadcmd-%'");
    sql("DELETE FROM users WHERE user_id LIKE 'loadcmd-%'");
    sql("DELETE FROM videos WHERE video_id LIKE 'loadcmd-%'");
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }

  private static long count(String query) {
    return TestSql.number(db.dataSource(), query);
  }
}
