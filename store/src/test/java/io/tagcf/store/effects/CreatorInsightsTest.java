package io.tagcf.store.effects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.video.CreatorVideo;
import io.tagcf.store.video.VideoRepository;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A creator's videos and what their tags did for them, read from a published snapshot only. */
class CreatorInsightsTest {
  private static Database db;

  @BeforeAll
  static void load() {
    db = TestDatabase.fresh();
    sql("INSERT INTO videos (video_id, creator_id, title, language, content_hash, created_at) VALUES"
        + " ('v1', 'c1', 'one', 'en', 'h', '2026-10-01'), ('v2', 'c1', 'two', 'zh', 'h', '2026-10-02'),"
        + " ('v3', 'c2', 'three', 'en', 'h', '2026-10-03')");
    sql("INSERT INTO ingest_state (video_id, content_hash, stage, workflow_id) VALUES"
        + " ('v1', 'h', 'done', 'w1'), ('v2', 'h', 'tagging', 'w2'), ('v3', 'h', 'done', 'w3')");
    sql("INSERT INTO tags (tag_id, kind, slug, label_en, status, origin) VALUES (1, 'item', 'healing', 'healing',"
        + " 'vocabulary', 'test'), (2, 'item', 'noodles', 'noodles', 'vocabulary', 'test')");
    sql("INSERT INTO effect_snapshots (snapshot_id, run_key, status, window_start, window_end, segment_scheme, settings)"
        + " VALUES (1, 'r1', 'published', '2026-09-01', '2026-10-01', 'age_band', '{}'),"
        + " (2, 'r2', 'running', '2026-09-01', '2026-10-01', 'age_band', '{}')");
    // Tag 1 on v1 (100 exposures) and v2 (300); tag 2 on v1 only; v3 is another creator's.
    String cols = "(snapshot_id, video_id, tag_id, segment, outcome, exposures, observed, with_rate, with_low,"
        + " with_high, without_rate, without_low, without_high, effect, effect_low, effect_high)";
    sql("INSERT INTO video_attributions " + cols + " VALUES"
        + " (1, 'v1', 1, 'all', 'completion', 100, 0.3, 0.3, 0.2, 0.4, 0.26, 0.2, 0.3, 0.04, 0.00, 0.08),"
        + " (1, 'v2', 1, 'all', 'completion', 300, 0.3, 0.3, 0.2, 0.4, 0.28, 0.2, 0.3, 0.02, 0.01, 0.03),"
        + " (1, 'v1', 2, 'all', 'completion', 100, 0.3, 0.3, 0.2, 0.4, 0.31, 0.2, 0.4, -0.01, -0.05, 0.03),"
        + " (1, 'v1', 1, '18-24', 'completion', 60, 0.3, 0.3, 0.2, 0.4, 0.26, 0.2, 0.3, 0.5, 0.4, 0.6),"
        + " (1, 'v3', 1, 'all', 'completion', 500, 0.3, 0.3, 0.2, 0.4, 0.26, 0.2, 0.3, 0.9, 0.8, 1.0),"
        + " (2, 'v1', 1, 'all', 'completion', 100, 0.3, 0.3, 0.2, 0.4, 0.26, 0.2, 0.3, 0.7, 0.6, 0.8)");
    sql("INSERT INTO tag_effects (snapshot_id, tag_id, segment, outcome, status, videos, treated_videos, control_videos,"
        + " exposures, treated_exposures, estimate, se, ci_low, ci_high, robust) VALUES"
        + " (1, 1, 'all', 'completion', 'estimated', 100, 40, 60, 9000, 4000, 0.03, 0.005, 0.02, 0.04, true)");
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }

  @Test
  void eachTagsEffectOnTheCreatorsVideosIsTheirExposureWeightedMeanBesideThePlatforms() {
    List<CreatorTagEffect> tags = new EffectReader(db.dataSource()).creatorInsights(1, "c1", "completion");

    assertThat(tags).extracting(CreatorTagEffect::slug).containsExactly("healing", "noodles");
    CreatorTagEffect healing = tags.get(0);
    assertThat(healing.videos()).isEqualTo(2);
    assertThat(healing.exposures()).isEqualTo(400);
    // (100 x 0.04 + 300 x 0.02) / 400, and the same means of the interval limits.
    assertThat(healing.yours().estimate()).isCloseTo(0.025, within(1e-12));
    assertThat(healing.yours().ciLow()).isCloseTo(0.0075, within(1e-12));
    assertThat(healing.yours().ciHigh()).isCloseTo(0.0425, within(1e-12));
    assertThat(healing.platform().estimate()).isEqualTo(0.03);
    assertThat(healing.platformRobust()).isTrue();
    assertThat(tags.get(1).platform()).as("no estimated cell").isNull();
    // A running snapshot is not read; another creator's videos are not theirs.
    assertThat(new EffectReader(db.dataSource()).creatorInsights(2, "c1", "completion")).isEmpty();
    assertThat(new EffectReader(db.dataSource()).creatorInsights(1, "c2", "completion"))
        .singleElement().satisfies(t -> assertThat(t.videos()).isEqualTo(1));
  }

  @Test
  void aCreatorsVideosArePagedNewestFirst() {
    VideoRepository videos = new VideoRepository(db.dataSource());
    assertThat(videos.ofCreator("c1", 0, 10)).extracting(CreatorVideo::videoId).containsExactly("v2", "v1");
    assertThat(videos.ofCreator("c1", 1, 10)).extracting(CreatorVideo::stage).extracting(s -> s.wireName())
        .containsExactly("done");
    assertThat(videos.countOfCreator("c1")).isEqualTo(2);
    assertThat(videos.countOfCreator("nobody")).isZero();
  }
}
