package io.tagcf.store.roles;

import static io.tagcf.store.TestEngagements.engagement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.roles.EngagedVideo;
import io.tagcf.models.roles.EngagementWindow;
import io.tagcf.models.roles.WeightedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestEngagements;
import io.tagcf.store.TestSql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The engagements view and the per-(user, video) aggregate on the real PostgreSQL. */
class EngagementRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-10-20T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);
  /** Ten days back, halving every day. */
  private static final EngagementWindow WINDOW = EngagementWindow.lastDays(NOW, 10, 1);

  private static Database db;
  private static EngagementRepository repository;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    repository = new EngagementRepository(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /**
   * Videos v1 (audience tags 1: 0.9 and 2: 0.3, item tag 3: 0.5), v2 (audience tag 2: 0.4, and
   * audience tag 1 with score 0, which is no evidence) and v3 (no tags).
   */
  @BeforeEach
  void videosAndTags() {
    TestDatabase.truncate(db);
    sql("INSERT INTO videos (video_id, creator_id, title, language, content_hash) VALUES"
        + " ('v1', 'c1', 't', 'en', 'h1'), ('v2', 'c1', 't', 'en', 'h2'), ('v3', 'c1', 't', 'en', 'h3')");
    sql("INSERT INTO tags (tag_id, kind, slug, status, origin) VALUES (1, 'audience', 'a1', 'vocabulary', 'test'),"
        + " (2, 'audience', 'a2', 'vocabulary', 'test'), (3, 'item', 'i3', 'vocabulary', 'test')");
    sql("INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label, match_similarity, tagger, content_hash)"
        + " VALUES ('v1', 2, 'audience', 0.3, 2, 'a2', 1, 'offline', 'h1'), ('v1', 1, 'audience', 0.9, 1, 'a1', 1, 'offline', 'h1'),"
        + " ('v1', 3, 'item', 0.5, 1, 'i3', 1, 'offline', 'h1'), ('v2', 2, 'audience', 0.4, 1, 'a2', 1, 'offline', 'h2'),"
        + " ('v2', 1, 'audience', 0, 2, 'a1', 1, 'offline', 'h2')");
  }

  @Test
  void theViewHoldsClickedExposuresWithTheirStrength() {
    TestEngagements.load(db.dataSource(), List.of(
        engagement("e1", "u1", "v1", NOW, 1), engagement("e2", "u1", "v1", NOW, 2),
        engagement("e3", "u1", "v1", NOW, 3), engagement("e4", "u1", "v1", NOW, 4),
        new Exposure("e5", "u1", "v1", NOW, false, 1.0, true, true, false, 0)));
    assertThat(sqlText("SELECT string_agg(strength::text, ',' ORDER BY strength) FROM engagements"))
        .isEqualTo("1,2,3,4");
    assertThat(sqlText("SELECT count(*) FROM engagements WHERE engaged_at = '" + NOW + "'")).isEqualTo("4");
  }

  @Test
  void engagementsAreSummedPerUserAndVideoWithTheirDecayedStrength() {
    TestEngagements.load(db.dataSource(), List.of(
        // u1 and v1: 1 now, 2 one half-life ago, 4 two half-lives ago: 1 + 1 + 1.
        engagement("e1", "u1", "v1", NOW, 1),
        engagement("e2", "u1", "v1", NOW.minus(DAY), 2),
        engagement("e3", "u1", "v1", NOW.minus(DAY.multipliedBy(2)), 4),
        // Not engagements: not clicked, and before the window.
        new Exposure("e4", "u1", "v1", NOW, false, 1.0, true, true, false, 3),
        engagement("e5", "u1", "v1", NOW.minus(DAY.multipliedBy(10)).minusSeconds(1), 4),
        // Stamped after now (a skewed clock): counts as now.
        engagement("e6", "u1", "v2", NOW.plus(Duration.ofHours(12)), 3),
        // The window's first instant is in, at 10 half-lives.
        engagement("e7", "u2", "v2", WINDOW.since(), 1),
        // Half a half-life; v3 has no tags.
        engagement("e8", "u0", "v3", NOW.minus(Duration.ofHours(12)), 2)));

    List<EngagedVideo> audience = new ArrayList<>();
    long engagements = repository.read(TagKind.AUDIENCE, WINDOW, rows -> {
      rows.forEachRemaining(audience::add);
      return rows.engagements();
    });
    assertThat(audience).extracting(EngagedVideo::userId, EngagedVideo::videoId, EngagedVideo::engagements)
        .containsExactly(tuple("u0", "v3", 1L), tuple("u1", "v1", 3L), tuple("u1", "v2", 1L), tuple("u2", "v2", 1L));
    assertThat(audience.get(0).weight()).isCloseTo(2 * Math.sqrt(0.5), within(1e-12));
    assertThat(audience.get(1).weight()).isCloseTo(3, within(1e-12));
    assertThat(audience.get(2).weight()).isCloseTo(3, within(1e-12));
    assertThat(audience.get(3).weight()).isCloseTo(Math.pow(0.5, 10), within(1e-15));
    assertThat(engagements).isEqualTo(6);
    // Tags of the asked kind in tag id order; zero scores and untagged videos bring none.
    assertThat(audience.get(0).tags()).isEmpty();
    assertThat(audience.get(1).tags()).containsExactly(new WeightedTag(1, 0.9), new WeightedTag(2, 0.3));
    assertThat(audience.get(2).tags()).containsExactly(new WeightedTag(2, 0.4));

    List<EngagedVideo> items = repository.read(TagKind.ITEM, WINDOW, rows -> {
      List<EngagedVideo> out = new ArrayList<>();
      rows.forEachRemaining(out::add);
      return out;
    });
    assertThat(items).extracting(EngagedVideo::videoId).containsExactly("v3", "v1", "v2", "v2");
    assertThat(items.get(1).tags()).containsExactly(new WeightedTag(3, 0.5));
    assertThat(items.get(2).tags()).isEmpty();
  }

  @Test
  void engagementsThousandsOfHalfLivesOldStillWeighSomething() {
    // A one-second half-life over a day: 0.5^86399 would underflow, which PostgreSQL reports as an error.
    EngagementWindow seconds = EngagementWindow.lastDays(NOW, 1, 1e-9);
    TestEngagements.load(db.dataSource(), List.of(
        engagement("e1", "u1", "v1", NOW.minus(DAY).plusSeconds(1), 4),
        engagement("e2", "u1", "v2", NOW.minus(Duration.ofHours(1)), 1)));
    List<EngagedVideo> rows = repository.read(TagKind.AUDIENCE, seconds, r -> {
      List<EngagedVideo> out = new ArrayList<>();
      r.forEachRemaining(out::add);
      return out;
    });
    assertThat(rows).extracting(EngagedVideo::weight).containsExactly(4 * Math.pow(0.5, 1000), Math.pow(0.5, 1000));
  }

  @Test
  void anEmptyLogIsAnEmptyStream() {
    boolean any = repository.read(TagKind.AUDIENCE, WINDOW, rows -> rows.hasNext());
    assertThat(any).isFalse();
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }

  private static String sqlText(String query) {
    return TestSql.text(db.dataSource(), query);
  }
}
