package io.tagcf.ops.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.effects.EffectSort;
import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.effects.InstrumentEstimate;
import io.tagcf.models.effects.Overlap;
import io.tagcf.models.effects.PlaceboCheck;
import io.tagcf.models.effects.SegmentScheme;
import io.tagcf.models.effects.TagEffects;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.TestSql;
import io.tagcf.store.effects.RankedEffect;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.effects.SnapshotStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The effects API's JDBC adapter against the real test database, on snapshots written the way the
 * effect workflow writes them ({@link SnapshotStore}: begin, shards, publish). Its rows carry the
 * prefix {@code effstore-} and are removed before each test; other tests' rows are never touched.
 */
class JdbcEffectStoreTest {
  private static final String URL = System.getProperty("tagcf.test.database.url",
      "postgresql://127.0.0.1:5432/tagcf_test?user=postgres");
  private static final Instant END = Instant.parse("2026-10-01T00:00:00Z");
  private static final Instant START = Instant.parse("2026-09-01T00:00:00Z");
  private static Database db;

  private SnapshotStore writer;
  private JdbcEffectStore store;
  private long healing;
  private long noodles;
  private long prank;

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
  void tags() {
    clean();
    sql("INSERT INTO tags (kind, slug, label_en, label_zh, category, status, origin) VALUES"
        + " ('item', 'effstore-healing', 'healing', '治愈感', 'mood', 'vocabulary', 'test'),"
        + " ('item', 'effstore-noodles', 'noodles', '面条', 'food', 'vocabulary', 'test'),"
        + " ('item', 'effstore-prank', 'prank', NULL, NULL, 'vocabulary', 'test')");
    healing = tagId("effstore-healing");
    noodles = tagId("effstore-noodles");
    prank = tagId("effstore-prank");
    writer = new SnapshotStore(db.dataSource());
    store = new JdbcEffectStore(db.dataSource());
  }

  @Test
  void aPublishedSnapshotsEffectsReadBackAsWritten() {
    CellEstimate healingClick = withInstrument(cell(healing, "all", Outcome.CLICK, 0.031, 0.01, true),
        new InstrumentEstimate(Estimate.of(0.04, 0.02), 6.5, true));
    CellEstimate healingLike = cell(healing, "18-24", Outcome.LIKE, 0.004, 0.003, false);
    CellEstimate healingThin = insufficient(healing, "18-24", Outcome.CLICK, "too few treated videos: 4 < 20");
    long id = publish("effstore-a", List.of(healingClick, healingLike, healingThin), List.of());

    assertThat(store.tagEffects(id, healing, null, null))
        .as("every cell, by segment then outcome").containsExactly(healingThin, healingLike, healingClick);
    assertThat(store.tagEffects(id, healing, "18-24", null)).containsExactly(healingThin, healingLike);
    assertThat(store.tagEffects(id, healing, null, Outcome.CLICK)).containsExactly(healingThin, healingClick);
    assertThat(store.tagEffects(id, healing, "all", Outcome.LIKE)).isEmpty();
    assertThat(store.tagEffects(id, noodles, null, null)).isEmpty();
  }

  @Test
  void rankingsOrderFilterAndNameTheTags() {
    CellEstimate up = cell(healing, "all", Outcome.CLICK, 0.031, 0.01, true);
    CellEstimate down = cell(noodles, "all", Outcome.CLICK, -0.02, 0.005, true);
    CellEstimate noise = cell(prank, "all", Outcome.CLICK, 0.01, 0.009, false);
    long id = publish("effstore-a", List.of(up, down, noise,
        insufficient(prank, "all", Outcome.COMPLETION, "poor overlap"),
        cell(prank, "18-24", Outcome.CLICK, 0.5, 0.1, true)), List.of());

    assertThat(store.ranking(id, Outcome.CLICK, "all", EffectSort.EFFECT_DESC, false, 20))
        .extracting(RankedEffect::cell).containsExactly(up, noise, down);
    assertThat(store.ranking(id, Outcome.CLICK, "all", EffectSort.EFFECT_ASC, false, 2))
        .extracting(RankedEffect::cell).containsExactly(down, noise);
    assertThat(store.ranking(id, Outcome.CLICK, "all", EffectSort.SIGNIFICANCE, false, 20))
        .as("|z| = 4, 3.1, 1.1").extracting(RankedEffect::cell).containsExactly(down, up, noise);
    assertThat(store.ranking(id, Outcome.CLICK, "all", EffectSort.EFFECT_DESC, true, 20))
        .extracting(RankedEffect::cell).containsExactly(up, down);
    assertThat(store.ranking(id, Outcome.COMPLETION, "all", EffectSort.EFFECT_DESC, false, 20))
        .as("insufficient cells are not ranked").isEmpty();
    RankedEffect first = store.ranking(id, Outcome.CLICK, "all", EffectSort.EFFECT_DESC, false, 1).get(0);
    assertThat(first).isEqualTo(new RankedEffect("effstore-healing", "healing", "治愈感", "mood", up));
  }

  @Test
  void aVideosAttributions() {
    VideoAttribution completion = new VideoAttribution("effstore-v1", healing, "all", Outcome.COMPLETION, 420, 0.43,
        Estimate.of(0.42, 0.02), Estimate.of(0.31, 0.02), Estimate.of(0.11, 0.03));
    VideoAttribution click = new VideoAttribution("effstore-v1", healing, "18-24", Outcome.CLICK, 60, 0.2,
        Estimate.of(0.21, 0.03), Estimate.of(0.18, 0.03), Estimate.of(0.03, 0.01));
    VideoAttribution other = new VideoAttribution("effstore-v2", healing, "all", Outcome.CLICK, 80, 0.1,
        Estimate.of(0.1, 0.01), Estimate.of(0.1, 0.01), Estimate.of(0, 0.01));
    long id = publish("effstore-a", List.of(cell(healing, "all", Outcome.CLICK, 0.031, 0.01, true)),
        List.of(completion, click, other));

    List<VideoAttribution> read = store.attributions(id, "effstore-v1");

    assertThat(read).hasSize(2);
    assertSameAttribution(read.get(0), click);
    assertSameAttribution(read.get(1), completion);
    assertThat(store.attributions(id, "effstore-v3")).isEmpty();
  }

  @Test
  void theListShowsEveryStatusNewestFirstButOnlyPublishedEffectsAreRead() {
    long published = publish("effstore-a", List.of(cell(healing, "all", Outcome.CLICK, 0.031, 0.01, true)),
        List.of(new VideoAttribution("effstore-v1", healing, "all", Outcome.CLICK, 50, 0.2,
            Estimate.of(0.2, 0.01), Estimate.of(0.17, 0.01), Estimate.of(0.03, 0.01))));
    long running = writer.begin("effstore-b", START, END, SegmentScheme.parse("age_band"), "{}");
    sql("UPDATE effect_snapshots SET shards_total = 2, segments = '{18-24}' WHERE snapshot_id = " + running);
    writer.writeShard(running, 0, List.of(new TagEffects(healing,
        List.of(cell(healing, "all", Outcome.CLICK, 0.9, 0.1, true)),
        List.of(new VideoAttribution("effstore-v1", healing, "all", Outcome.CLICK, 50, 0.2,
            Estimate.of(0.2, 0.01), Estimate.of(0.1, 0.01), Estimate.of(0.1, 0.01))))), 1.5);

    List<SnapshotInfo> list = store.snapshots(2);
    assertThat(list).extracting(SnapshotInfo::snapshotId).containsExactly(running, published);
    SnapshotInfo half = list.get(0);
    assertThat(half.status()).isEqualTo("running");
    assertThat(half.shardsDone()).isEqualTo(1);
    assertThat(half.shardsTotal()).isEqualTo(2);
    assertThat(half.segments()).containsExactly("18-24");
    assertThat(half.publishedAt()).isNull();
    SnapshotInfo done = list.get(1);
    assertThat(done.status()).isEqualTo("published");
    assertThat(done.cellsEstimated()).isEqualTo(1);
    assertThat(done.cellsInsufficient()).isZero();
    assertThat(done.windowStart()).isEqualTo(START);
    assertThat(done.windowEnd()).isEqualTo(END);
    assertThat(done.publishedAt()).isNotNull();
    assertThat(store.snapshots(1)).extracting(SnapshotInfo::snapshotId).containsExactly(running);

    assertThat(store.snapshot(running)).contains(half);
    assertThat(store.snapshot(running + 1_000_000)).isEmpty();
    assertThat(store.latestPublished()).map(SnapshotInfo::snapshotId).contains(published);
    assertThat(store.tagEffects(running, healing, null, null)).as("a running snapshot is not read").isEmpty();
    assertThat(store.ranking(running, Outcome.CLICK, "all", EffectSort.EFFECT_DESC, false, 20)).isEmpty();
    assertThat(store.attributions(running, "effstore-v1")).isEmpty();
  }

  /** A snapshot written as one shard and published, as the effect workflow does it. */
  private long publish(String runKey, List<CellEstimate> cells, List<VideoAttribution> attributions) {
    long id = writer.begin(runKey, START, END, SegmentScheme.parse("age_band"), "{}");
    sql("UPDATE effect_snapshots SET shards_total = 1, segments = '{18-24}' WHERE snapshot_id = " + id);
    List<Long> tags = cells.stream().map(CellEstimate::tagId).distinct().toList();
    writer.writeShard(id, 0, tags.stream().map(t -> new TagEffects(t,
        cells.stream().filter(c -> c.tagId() == t).toList(),
        attributions.stream().filter(a -> a.tagId() == t).toList())).toList(), 0.5);
    assertThat(writer.publish(id)).isPresent();
    return id;
  }

  private static void assertSameAttribution(VideoAttribution read, VideoAttribution written) {
    assertThat(read.videoId()).isEqualTo(written.videoId());
    assertThat(read.tagId()).isEqualTo(written.tagId());
    assertThat(read.segment()).isEqualTo(written.segment());
    assertThat(read.outcome()).isEqualTo(written.outcome());
    assertThat(read.exposures()).isEqualTo(written.exposures());
    assertThat(read.observed()).isEqualTo(written.observed());
    for (Estimate[] pair : new Estimate[][] {{read.withTag(), written.withTag()},
        {read.withoutTag(), written.withoutTag()}, {read.effect(), written.effect()}}) {
      assertThat(pair[0].estimate()).isEqualTo(pair[1].estimate());
      assertThat(pair[0].ciLow()).isEqualTo(pair[1].ciLow());
      assertThat(pair[0].ciHigh()).isEqualTo(pair[1].ciHigh());
    }
  }

  private static CellEstimate cell(long tagId, String segment, Outcome outcome, double effect, double se,
      boolean robust) {
    return new CellEstimate(tagId, segment, outcome, CellStatus.ESTIMATED, null, 400, 120, 280, 50_000, 15_000,
        Estimate.of(effect, se), Estimate.of(effect * 1.5, se), Estimate.of(effect * 1.1, se * 1.2), null,
        new Overlap(95.5, 250.25, 0.01), new PlaceboCheck(Estimate.of(0.001, se), true), 0.2, 1.35, robust);
  }

  private static CellEstimate withInstrument(CellEstimate c, InstrumentEstimate iv) {
    return new CellEstimate(c.tagId(), c.segment(), c.outcome(), c.status(), c.reason(), c.videos(),
        c.treatedVideos(), c.controlVideos(), c.exposures(), c.treatedExposures(), c.aipw(), c.naive(), c.ipw(), iv,
        c.overlap(), c.placebo(), c.controlMean(), c.sensitivity(), c.robust());
  }

  private static CellEstimate insufficient(long tagId, String segment, Outcome outcome, String reason) {
    return new CellEstimate(tagId, segment, outcome, CellStatus.INSUFFICIENT, reason, 30, 4, 26, 900, 80, null, null,
        null, null, null, null, null, null, false);
  }

  private static long tagId(String slug) {
    return TestSql.number(db.dataSource(), "SELECT tag_id FROM tags WHERE slug = '" + slug + "'");
  }

  private static void clean() {
    sql("DELETE FROM effect_snapshots WHERE run_key LIKE 'effstore-%'");
    sql("DELETE FROM tags WHERE slug LIKE 'effstore-%'");
  }

  private static void sql(String statement) {
    TestSql.execute(db.dataSource(), statement);
  }
}
