package io.tagcf.store.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.effects.SegmentScheme;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.Transactions;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.interactions.InteractionLoader;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.store.video.VideoCatalog;
import io.tagcf.store.video.VideoRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Preparing a snapshot's input from the log: per (video, segment) counts of the window's exposures,
 * and each exposed video's design row (category of its top item tag, its candidate tags).
 */
class SnapshotStoreTest {
  private static final int DIM = 384;
  private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-10-31T00:00:00Z");
  private static Database db;
  private static SnapshotStore store;
  private static final Map<String, Long> TAG = new HashMap<>();

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    store = new SnapshotStore(db.dataSource());
    TagRepository tags = new TagRepository(db.dataSource());
    tags.loadVocabulary("test-v1", "m", DIM, List.of(tag("dogs", "pets", 0), tag("pizza", "food", 10),
        tag("travel", "trips", 20)));
    tags.vocabularyVectors("m").forEach(t -> TAG.put(t.entry().id(), t.tagId()));
    new VideoCatalog(db.dataSource()).addSimulated(List.of(
        video("v1", new String[] {"dogs", "pizza"}, new double[] {0.9, 0.4}),
        // The top tag (highest score) gives the category, wherever it is listed.
        video("v2", new String[] {"pizza", "travel"}, new double[] {0.3, 0.8}),
        video("v4", new String[] {"dogs"}, new double[] {0.9})), "en");
    // A video without tags: exposed, so in the design, with no category and no tags.
    new VideoRepository(db.dataSource()).upsertForIngest(Fixtures.video("v3", "c3", "untagged"), "h3", "wf");
    InteractionLoader loader = new InteractionLoader(db.dataSource());
    loader.loadUsers(List.of(new UserProfile("u1", "18-24", "1", null, Map.of()),
        new UserProfile("u2", "25-34", "2", null, Map.of())).iterator(), n -> { });
    List<Exposure> log = new ArrayList<>();
    log.add(exposure("e1", "u1", "v1", START.plusSeconds(60), true));
    log.add(exposure("e2", "u1", "v1", START.plusSeconds(120), false));
    log.add(exposure("e3", "u2", "v1", START.plusSeconds(180), true));
    log.add(exposure("e4", "u2", "v2", START.plusSeconds(240), false));
    log.add(exposure("e5", "u1", "v3", START.plusSeconds(300), true));
    // Outside the window: v4 is not in the design.
    log.add(exposure("e6", "u1", "v4", END.plusSeconds(60), true));
    loader.loadExposures(log.iterator(), n -> { });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static EmbeddedTag tag(String id, String category, int axis) {
    VocabularyEntry e = new VocabularyEntry(id, TagKind.ITEM, category, id, id, List.of(id), List.of(id));
    return new EmbeddedTag(0, e, Fixtures.axis(DIM, axis, 0), Fixtures.axis(DIM, axis, 0.1),
        Fixtures.axis(DIM, axis, 0.2));
  }

  private static CatalogVideo video(String id, String[] tags, double[] scores) {
    long[] ids = new long[tags.length];
    for (int i = 0; i < tags.length; i++) {
      ids[i] = TAG.get(tags[i]);
    }
    return new CatalogVideo(id, "c-" + id, 30.0, null, ids, scores);
  }

  private static Exposure exposure(String event, String user, String video, Instant at, boolean clicked) {
    return new Exposure(event, user, video, at, clicked, clicked ? 1 : 0, clicked, false, false, null);
  }

  private long prepared(String run) {
    long id = store.begin(run, START, END, SegmentScheme.parse("age_band,city_tier"), "{}");
    store.prepare(id, 4);
    return id;
  }

  /** The snapshot's design rows as "video category [tags]", tags by name. */
  private static String design(long snapshotId) {
    Map<Long, String> names = new HashMap<>();
    TAG.forEach((name, id) -> names.put(id, name));
    StringBuilder out = new StringBuilder();
    new Transactions(db.dataSource()).read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT video_id, category, tag_ids FROM effect_snapshot_videos"
          + " WHERE snapshot_id = ? ORDER BY video_id")) {
        ps.setLong(1, snapshotId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            List<String> tags = new ArrayList<>();
            for (Long t : (Long[]) rs.getArray(3).getArray()) {
              tags.add(names.get(t));
            }
            out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(tags).append('\n');
          }
        }
      }
      return null;
    });
    return out.toString();
  }

  @Test
  void withoutACoverSetEveryItemTagOfTheExposedVideosIsACandidate() {
    TestSql.execute(db.dataSource(), "TRUNCATE cover_set_versions CASCADE");
    long id = prepared("no-cover-set");
    assertThat(design(id)).isEqualTo("""
        v1 pets [dogs, pizza]
        v2 trips [pizza, travel]
        v3 null []
        """);
    SnapshotInfo info = store.info(id).orElseThrow();
    assertThat(info.tagSource()).isEqualTo("item tags (no cover set yet)");
    assertThat(info.videos()).isEqualTo(3);
    assertThat(info.exposures()).isEqualTo(5);
    assertThat(info.segments()).containsExactly("18-24/1", "25-34/2");
    // pizza is on two exposed videos, dogs and travel on one each (ties by id).
    assertThat(info.tags()).isEqualTo(3);
    assertThat(TestSql.text(db.dataSource(), "SELECT string_agg(segment || ':' || exposures || '/' || clicks, ' '"
        + " ORDER BY segment) FROM effect_cell_stats WHERE snapshot_id = " + id + " AND video_id = 'v1'"))
        .isEqualTo("18-24/1:2/1 25-34/2:1/1");
  }

  @Test
  void withACoverSetOnlyItsTagsAreCandidates() {
    TestSql.execute(db.dataSource(), "TRUNCATE cover_set_versions CASCADE");
    long version = new CoverSetRepository(db.dataSource()).save(TagKind.ITEM, 30, 1.0,
        new CoverSet(List.of(TAG.get("dogs"), TAG.get("travel")), List.of(1, 1), 2, 3, 2 / 3.0));
    long id = prepared("cover-set");
    // The category still comes from the video's top item tag, cover set or not.
    assertThat(design(id)).isEqualTo("""
        v1 pets [dogs]
        v2 trips [travel]
        v3 null []
        """);
    SnapshotInfo info = store.info(id).orElseThrow();
    assertThat(info.tagSource()).isEqualTo("item cover set v" + version);
    assertThat(info.tags()).isEqualTo(2);
  }

  @Test
  void preparationKeepsEachVideosCountsAndTheRolesOfItsEngagedUsersForExplanations() {
    TestSql.execute(db.dataSource(), "INSERT INTO tags (kind, slug, label_en, status, origin) VALUES"
        + " ('audience', 'parent', 'parents', 'vocabulary', 'test'), ('audience', 'gamer', 'gamers', 'vocabulary', 'test'),"
        + " ('audience', 'student', 'students', 'vocabulary', 'test') ON CONFLICT DO NOTHING");
    TestSql.execute(db.dataSource(), "INSERT INTO user_roles (user_id, tag_id, probability, rank)"
        + " SELECT u, (SELECT tag_id FROM tags WHERE kind = 'audience' AND slug = r), p, k FROM (VALUES"
        + " ('u1', 'parent', 0.75, 1), ('u1', 'gamer', 0.25, 2), ('u2', 'parent', 0.5, 1), ('u2', 'student', 0.5, 2))"
        + " AS x(u, r, p, k) ON CONFLICT DO NOTHING");
    long id = prepared("explanation-input");

    // Every exposure in the window counts; clicks are also completions in this log.
    assertThat(rows("SELECT video_id || ' ' || exposures || ' ' || clicks || ' ' || completions || ' ' || likes"
        + " FROM snapshot_video_metrics WHERE snapshot_id = " + id + " ORDER BY video_id"))
        .containsExactly("v1 3 2 2 0", "v2 1 0 0 0", "v3 1 1 1 0");
    // v1 was clicked by u1 (parent 0.75, gamer 0.25) and u2 (parent 0.5, student 0.5): a role mass of 2.
    assertThat(rows("SELECT r.video_id || ' ' || t.slug || ' ' || round(r.share::numeric, 3) || ' ' || r.users"
        + " FROM snapshot_video_roles r JOIN tags t USING (tag_id) WHERE r.snapshot_id = " + id
        + " ORDER BY r.video_id, r.share DESC"))
        .containsExactly("v1 parent 0.625 2", "v1 student 0.250 1", "v1 gamer 0.125 1", "v3 parent 0.750 1",
            "v3 gamer 0.250 1");
    // Publication keeps them: explanations read them after the input is dropped.
    TestSql.execute(db.dataSource(), "UPDATE effect_snapshots SET shards_total = 0 WHERE snapshot_id = " + id);
    assertThat(store.publish(id)).isPresent();
    assertThat(rows("SELECT video_id FROM snapshot_video_metrics WHERE snapshot_id = " + id)).hasSize(3);
    assertThat(rows("SELECT video_id FROM effect_cell_stats WHERE snapshot_id = " + id)).isEmpty();
  }

  private static List<String> rows(String sql) {
    return new Transactions(db.dataSource()).read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    });
  }
}
