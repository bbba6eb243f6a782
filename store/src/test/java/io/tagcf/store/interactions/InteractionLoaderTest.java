package io.tagcf.store.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bulk loader on the real PostgreSQL: all or nothing, idempotent, refusing what it cannot link. */
class InteractionLoaderTest {
  private static Database db;
  private static InteractionLoader loader;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    loader = new InteractionLoader(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void empty() {
    TestDatabase.truncate(db);
    sql("INSERT INTO videos (video_id, creator_id, title, language, content_hash) VALUES"
        + " ('v1', 'c1', 't', 'zh', 'h1'), ('v2', 'c1', 't', 'zh', 'h2')");
  }

  @Test
  void usersAreAddedThenUpdatedNeverDuplicated() {
    List<UserProfile> users = List.of(new UserProfile("u1", "18-24", "tier1", "f", Map.of("role", "student")),
        new UserProfile("u2", null, null, null, Map.of()));
    assertThat(loader.loadUsers(users.iterator(), n -> { })).isEqualTo(new LoadResult(2, 2));
    assertThat(loader.loadUsers(users.iterator(), n -> { })).isEqualTo(new LoadResult(2, 0));
    loader.loadUsers(List.of(new UserProfile("u2", "25-34", null, null, Map.of())).iterator(), n -> { });
    assertThat(text("SELECT age_band FROM users WHERE user_id = 'u2'")).isEqualTo("25-34");
    assertThat(text("SELECT attributes->>'role' FROM users WHERE user_id = 'u1'")).isEqualTo("student");
    assertThat(number("SELECT count(*) FROM users")).isEqualTo(2);
  }

  @Test
  void exposuresLoadOnceAcrossMonthsAndKeepEveryField() {
    users("u1", "u2");
    List<Exposure> log = List.of(
        exposure("e1", "u1", "v1", "2026-10-31T23:59:59.123456Z"),
        exposure("e2", "u2", "v2", "2026-11-01T00:00:00Z"),
        new Exposure("e3", "u1", "v2", Instant.parse("2026-11-15T12:00:00Z"), false, 0.0, false, false, true, null));
    List<Long> progress = new ArrayList<>();
    assertThat(loader.loadExposures(log.iterator(), progress::add)).isEqualTo(new LoadResult(3, 3));
    assertThat(progress).containsExactly(3L);
    assertThat(loader.loadExposures(log.iterator(), n -> { })).isEqualTo(new LoadResult(3, 0));
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(3);
    // One partition per month, created on demand.
    assertThat(number("SELECT count(*) FROM exposures_y2026m10")).isEqualTo(1);
    assertThat(number("SELECT count(*) FROM exposures_y2026m11")).isEqualTo(2);
    assertThat(text("SELECT to_char(exposed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') FROM exposures"
        + " WHERE event_id = 'e1'")).isEqualTo("2026-10-31 23:59:59.123456");
    assertThat(text("SELECT concat_ws(',', clicked, watch_ratio, completed, liked, exploration, position)"
        + " FROM exposures WHERE event_id = 'e1'")).isEqualTo("t,0.75,f,t,f,3");
    assertThat(text("SELECT concat_ws(',', exploration, position IS NULL) FROM exposures WHERE event_id = 'e3'"))
        .isEqualTo("t,t");
  }

  @Test
  void aLoadWithOneBadRowStoresNothing() {
    users("u1");
    List<Exposure> unknownVideo = List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e2", "u1", "v9", "2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> loader.loadExposures(unknownVideo.iterator(), n -> { }))
        .isInstanceOf(RejectedLoadException.class).hasMessage("unknown video_id 'v9'");
    List<Exposure> unknownUser = List.of(exposure("e3", "u7", "v1", "2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> loader.loadExposures(unknownUser.iterator(), n -> { }))
        .hasMessage("unknown user_id 'u7' (load users first: tagcf load --users)");
    List<Exposure> twice = List.of(exposure("e4", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e4", "u1", "v2", "2026-11-02T00:00:00Z"));
    assertThatThrownBy(() -> loader.loadExposures(twice.iterator(), n -> { }))
        .hasMessage("event_id 'e4' appears more than once in the input");
    List<UserProfile> userTwice = List.of(new UserProfile("u5", null, null, null, Map.of()),
        new UserProfile("u5", "18-24", null, null, Map.of()));
    assertThatThrownBy(() -> loader.loadUsers(userTwice.iterator(), n -> { }))
        .hasMessage("user_id 'u5' appears more than once in the input");
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
    assertThat(number("SELECT count(*) FROM users")).isEqualTo(1);
  }

  @Test
  void eventIdsThatShareAFingerprintAreNotTakenForRepeats() {
    users("u1");
    List<IdFingerprints> made = new ArrayList<>();
    // Every id has the same fingerprint: the exact check decides each time.
    InteractionLoader colliding = new InteractionLoader(db.dataSource(), () -> {
      made.add(new IdFingerprints(id -> 42));
      return made.get(made.size() - 1);
    });
    List<Exposure> distinct = List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e2", "u1", "v2", "2026-11-02T00:00:00Z"), exposure("e3", "u1", "v1", "2026-11-03T00:00:00Z"));
    assertThat(colliding.loadExposures(distinct.iterator(), n -> { })).isEqualTo(new LoadResult(3, 3));
    assertThat(made.get(0).maybeRepeated()).as("the exact check ran").isTrue();
    List<Exposure> repeated = List.of(exposure("e4", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e5", "u1", "v1", "2026-11-01T00:00:00Z"), exposure("e4", "u1", "v2", "2026-12-01T00:00:00Z"));
    assertThatThrownBy(() -> colliding.loadExposures(repeated.iterator(), n -> { }))
        .hasMessage("event_id 'e4' appears more than once in the input");
    // Across chunks: the first chunk's ids were checked (and copied for it) before the second's.
    List<Exposure> many = new ArrayList<>();
    for (int i = 0; i < LogStaging.CHUNK + 2; i++) {
      many.add(exposure("f" + i, "u1", "v1", "2026-11-01T00:00:00Z"));
    }
    many.add(exposure("f3", "u1", "v1", "2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> colliding.loadExposures(many.iterator(), n -> { }))
        .hasMessage("event_id 'f3' appears more than once in the input");
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(3);
  }

  @Test
  void storedEventsAmongTheNewOnesAreSkippedWhereverTheirIdsFall() {
    users("u1");
    loader.loadExposures(List.of(exposure("e3", "u1", "v1", "2026-09-10T00:00:00Z"),
        exposure("e9", "u1", "v1", "2026-09-11T00:00:00Z")).iterator(), n -> { });
    // Ids after the stored ones: nothing stored lies among them, so no anti-join is needed.
    assertThat(loader.loadExposures(List.of(exposure("f1", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("f2", "u1", "v1", "2026-11-02T00:00:00Z")).iterator(), n -> { })).isEqualTo(new LoadResult(2, 2));
    // A stored id inside the new ones' range, in another month, and one at its upper end.
    List<Exposure> around = List.of(exposure("e1", "u1", "v2", "2026-11-01T00:00:00Z"),
        exposure("e3", "u1", "v2", "2026-11-05T00:00:00Z"), exposure("e5", "u1", "v2", "2026-11-06T00:00:00Z"),
        exposure("e9", "u1", "v2", "2026-09-11T00:00:00Z"));
    assertThat(loader.loadExposures(around.iterator(), n -> { })).isEqualTo(new LoadResult(4, 2));
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(6);
    assertThat(text("SELECT string_agg(event_id || ':' || video_id, ',' ORDER BY event_id) FROM exposures"))
        .isEqualTo("e1:v2,e3:v1,e5:v2,e9:v1,f1:v1,f2:v1");
  }

  @Test
  void chunksBeyondTheStoredIdsGoStraightInAndTheOthersSkipWhatIsStored() {
    users("u1");
    loader.loadExposures(List.of(exposure("m1", "u1", "v1", "2026-10-01T00:00:00Z"),
        exposure("m5", "u1", "v1", "2026-10-05T00:00:00Z")).iterator(), n -> { });
    List<Exposure> log = new ArrayList<>();
    // The first chunk lies after every stored id; the second holds a stored one.
    for (int i = 0; i < LogStaging.CHUNK; i++) {
      log.add(exposure(String.format("n%06d", i), "u1", "v2", "2026-11-01T00:00:00Z"));
    }
    log.add(exposure("m5", "u1", "v2", "2026-12-05T00:00:00Z"));
    log.add(exposure("m7", "u1", "v2", "2026-12-07T00:00:00Z"));
    assertThat(loader.loadExposures(log.iterator(), n -> { })).isEqualTo(new LoadResult(LogStaging.CHUNK + 2,
        LogStaging.CHUNK + 1));
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(LogStaging.CHUNK + 3);
    assertThat(text("SELECT string_agg(event_id || ':' || video_id, ',' ORDER BY event_id) FROM exposures"
        + " WHERE event_id LIKE 'm%'")).isEqualTo("m1:v1,m5:v1,m7:v2");
    assertThat(loader.loadExposures(log.iterator(), n -> { }).inserted()).as("a second run").isZero();
  }

  @Test
  void anIdRepeatedAfterItsFirstChunkEnteredTheLogIsNamed() {
    users("u1");
    List<Exposure> log = new ArrayList<>();
    for (int i = 0; i < LogStaging.CHUNK + 5; i++) {
      log.add(exposure("e" + i, "u1", "v1", "2026-11-01T00:00:00Z"));
    }
    // The same row again: straight into the log it would break the primary key instead.
    log.add(exposure("e7", "u1", "v1", "2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> loader.loadExposures(log.iterator(), n -> { }))
        .isInstanceOf(RejectedLoadException.class).hasMessage("event_id 'e7' appears more than once in the input");
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
  }

  @Test
  void aMalformedRowAfterARepeatIsWhatIsReported() {
    users("u1");
    // The repeat is in the first chunk, the bad row in the third, read after the first's write.
    Iterator<Exposure> log = failingAt(2 * LogStaging.CHUNK + 3, i -> i == 1 ? "e0" : "e" + i);
    assertThatThrownBy(() -> loader.loadExposures(log, n -> { })).hasMessage("line 100005: bad row");
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
  }

  @Test
  void progressIsReportedPerChunk() {
    users("u1");
    List<Exposure> many = new ArrayList<>();
    for (int i = 0; i < LogStaging.CHUNK + 10; i++) {
      many.add(exposure("e" + i, "u1", i % 2 == 0 ? "v1" : "v2", "2026-11-03T00:00:00Z"));
    }
    List<Long> progress = new ArrayList<>();
    assertThat(loader.loadExposures(many.iterator(), progress::add).inserted()).isEqualTo(LogStaging.CHUNK + 10);
    assertThat(progress).containsExactly((long) LogStaging.CHUNK, LogStaging.CHUNK + 10L);
  }

  @Test
  void aRowThatFailsWhileAChunkIsCopyingLeavesNothingAndTheConnectionUsable() {
    users("u1");
    Iterator<Exposure> failing = failingAt(LogStaging.CHUNK + 3, i -> "e" + i);
    assertThatThrownBy(() -> loader.loadExposures(failing, n -> { })).hasMessage("line 50005: bad row");
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
    assertThat(loader.loadExposures(List.of(exposure("e1", "u1", "v1", "2026-11-04T00:00:00Z")).iterator(),
        n -> { }).inserted()).isEqualTo(1);
  }

  /** Exposures of u1 to v1 with the given event ids, until row {@code failAt} fails to parse. */
  private static Iterator<Exposure> failingAt(int failAt, IntFunction<String> eventId) {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Exposure next() {
        if (i == failAt) {
          throw new IllegalArgumentException("line " + (i + 2) + ": bad row");
        }
        return exposure(eventId.apply(i++), "u1", "v1", "2026-11-04T00:00:00Z");
      }
    };
  }

  private static Exposure exposure(String id, String user, String video, String at) {
    return new Exposure(id, user, video, Instant.parse(at), true, 0.75, false, true, false, 3);
  }

  private static void users(String... ids) {
    List<UserProfile> users = new ArrayList<>();
    for (String id : ids) {
      users.add(new UserProfile(id, null, null, null, Map.of()));
    }
    loader.loadUsers(users.iterator(), n -> { });
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }

  private static String text(String query) {
    return TestSql.text(db.dataSource(), query);
  }

  private static long number(String query) {
    return TestSql.number(db.dataSource(), query);
  }
}
