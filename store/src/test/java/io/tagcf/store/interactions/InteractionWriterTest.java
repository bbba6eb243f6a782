package io.tagcf.store.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One HTTP batch of the interaction log on the real PostgreSQL: one transaction, the loader's rules. */
class InteractionWriterTest {
  private static Database db;
  private static InteractionWriter writer;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    writer = new InteractionWriter(db.dataSource());
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
    sql("INSERT INTO users (user_id) VALUES ('u1')");
  }

  @Test
  void usersOfTheBatchAreUpsertedBeforeItsEventsNeedThem() {
    List<UserProfile> users = List.of(new UserProfile("u1", "18-24", null, null, Map.of()),
        new UserProfile("u2", null, "tier1", "f", Map.of("role", "parent")));
    List<Exposure> events = List.of(exposure("e1", "u1", "v1", "2026-10-31T23:59:59Z"),
        exposure("e2", "u2", "v2", "2026-11-01T00:00:00Z"), exposure("e3", "u2", "v1", "2026-12-24T08:00:00Z"));

    assertThat(writer.write(users, events)).isEqualTo(new LoadResult(3, 3));

    assertThat(text("SELECT age_band FROM users WHERE user_id = 'u1'")).isEqualTo("18-24");
    assertThat(text("SELECT concat_ws(',', city_tier, gender, attributes->>'role') FROM users WHERE user_id = 'u2'"))
        .isEqualTo("tier1,f,parent");
    assertThat(number("SELECT count(*) FROM exposures_y2026m10")).isEqualTo(1);
    assertThat(number("SELECT count(*) FROM exposures_y2026m11")).isEqualTo(1);
    assertThat(number("SELECT count(*) FROM exposures_y2026m12")).as("a month's partition made on demand").isEqualTo(1);
    assertThat(text("SELECT concat_ws(',', user_id, video_id, clicked, watch_ratio, completed, liked, exploration,"
        + " position) FROM exposures WHERE event_id = 'e2'")).isEqualTo("u2,v2,t,0.75,f,t,f,3");
  }

  @Test
  void anEventStoredAlreadyIsSkippedWhateverItsTime() {
    writer.write(List.of(), List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z")));

    LoadResult again = writer.write(List.of(), List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e1b", "u1", "v2", "2026-11-02T00:00:00Z")));
    LoadResult moved = writer.write(List.of(), List.of(exposure("e1", "u1", "v2", "2026-09-15T00:00:00Z")));

    assertThat(again).isEqualTo(new LoadResult(2, 1));
    assertThat(moved).as("event ids are unique across partitions").isEqualTo(new LoadResult(1, 0));
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(2);
    assertThat(text("SELECT video_id FROM exposures WHERE event_id = 'e1'")).isEqualTo("v1");
  }

  @Test
  void unknownUsersAndVideosAreNamedAndCountedAndRejectTheWholeBatch() {
    List<Exposure> events = new ArrayList<>();
    events.add(exposure("ok", "u1", "v1", "2026-11-01T00:00:00Z"));
    for (int i = 0; i < 12; i++) {
      events.add(exposure("e" + i, "u1", String.format("nv%02d", 11 - i), "2026-11-01T00:00:00Z"));
    }
    events.add(exposure("x1", "ghost", "v1", "2026-11-01T00:00:00Z"));
    List<UserProfile> newUser = List.of(new UserProfile("u9", null, null, null, Map.of()));

    assertThatThrownBy(() -> writer.write(newUser, events))
        .isInstanceOfSatisfying(UnknownReferencesException.class, e -> {
          assertThat(e.users()).isEqualTo(new UnknownIds(List.of("ghost"), 1));
          assertThat(e.videos().count()).isEqualTo(12);
          assertThat(e.videos().named()).as("the smallest ten, in order")
              .containsExactly("nv00", "nv01", "nv02", "nv03", "nv04", "nv05", "nv06", "nv07", "nv08", "nv09");
        });
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
    assertThat(number("SELECT count(*) FROM users WHERE user_id = 'u9'")).as("the batch's users too").isZero();
  }

  @Test
  void aRepeatedIdRejectsTheBatch() {
    List<Exposure> twice = List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z"),
        exposure("e1", "u1", "v2", "2026-11-02T00:00:00Z"));
    List<UserProfile> userTwice = List.of(new UserProfile("u5", null, null, null, Map.of()),
        new UserProfile("u5", "18-24", null, null, Map.of()));

    assertThatThrownBy(() -> writer.write(List.of(), twice)).isInstanceOf(RejectedLoadException.class)
        .hasMessage("event_id 'e1' appears more than once in the batch");
    assertThatThrownBy(() -> writer.write(userTwice, List.of())).hasMessage("user_id 'u5' appears more than once in the batch");
    assertThat(number("SELECT count(*) FROM exposures")).isZero();
    assertThat(number("SELECT count(*) FROM users")).isEqualTo(1);
  }

  @Test
  void aBatchOfUsersAloneRegistersThem() {
    assertThat(writer.write(List.of(new UserProfile("u3", null, null, null, Map.of())), List.of()))
        .isEqualTo(new LoadResult(0, 0));

    assertThat(number("SELECT count(*) FROM users WHERE user_id = 'u3'")).isEqualTo(1);
  }

  /**
   * Another writer holds the same event, inserted but not committed: this batch waits on its key,
   * loses the race when it commits, and is run again, which then finds the event stored.
   */
  @Test
  void aBatchThatLosesARaceToAConcurrentWriterIsRunAgain() throws Exception {
    sql("CREATE TABLE IF NOT EXISTS exposures_y2026m11 PARTITION OF exposures"
        + " FOR VALUES FROM ('2026-11-01T00:00:00Z') TO ('2026-12-01T00:00:00Z')");
    try (Connection other = db.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("INSERT INTO exposures (event_id, user_id, video_id, exposed_at, clicked, watch_ratio, completed,"
            + " liked) VALUES ('e1', 'u1', 'v1', '2026-11-01T00:00:00Z', true, 0.75, false, true)");
      }
      CompletableFuture<LoadResult> write = CompletableFuture.supplyAsync(() -> writer.write(List.of(),
          List.of(exposure("e1", "u1", "v1", "2026-11-01T00:00:00Z"), exposure("e2", "u1", "v2", "2026-11-01T00:00:00Z"))));
      awaitAWaitingLock();
      other.commit();

      assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(new LoadResult(2, 1));
    }
    assertThat(number("SELECT count(*) FROM exposures")).isEqualTo(2);
  }

  private static void awaitAWaitingLock() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (number("SELECT count(*) FROM pg_locks WHERE NOT granted") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the batch never waited for the other writer");
      }
      Thread.sleep(20);
    }
  }

  private static Exposure exposure(String id, String user, String video, String at) {
    return new Exposure(id, user, video, Instant.parse(at), true, 0.75, false, true, false, 3);
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
