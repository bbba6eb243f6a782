package io.tagcf.store.explanations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.Explanation;
import io.tagcf.models.explanations.Verdict;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stored explanations: one per (video, snapshot, language), the first one kept; a newer snapshot's
 * explanation is a row of its own, and readers see only published snapshots' explanations.
 */
class ExplanationRepositoryTest {
  private static Database db;
  private static ExplanationRepository repository;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    repository = new ExplanationRepository(db.dataSource());
    TestSql.execute(db.dataSource(), "INSERT INTO videos (video_id, creator_id, title, language, content_hash)"
        + " VALUES ('v1', 'c1', 'a video', 'en', 'h'), ('v2', 'c1', 'another', 'zh', 'h')");
    TestSql.execute(db.dataSource(), "INSERT INTO effect_snapshots (snapshot_id, run_key, status, window_start,"
        + " window_end, segment_scheme, settings) VALUES"
        + " (1, 'r1', 'published', '2026-01-01', '2026-01-31', 'age_band', '{}'),"
        + " (2, 'r2', 'published', '2026-02-01', '2026-02-28', 'age_band', '{}'),"
        + " (3, 'r3', 'running', '2026-03-01', '2026-03-31', 'age_band', '{}')");
    TestSql.execute(db.dataSource(), "INSERT INTO video_attributions (snapshot_id, video_id, tag_id, segment, outcome,"
        + " exposures, observed, with_rate, with_low, with_high, without_rate, without_low, without_high, effect,"
        + " effect_low, effect_high) VALUES"
        + " (2, 'v2', 1, '18-24', 'click', 40, 0.1, 0.1, 0.05, 0.15, 0.08, 0.04, 0.12, 0.02, -0.01, 0.05),"
        + " (2, 'v2', 1, '18-24', 'like', 40, 0.1, 0.1, 0.05, 0.15, 0.08, 0.04, 0.12, 0.02, -0.01, 0.05),"
        + " (2, 'v1', 1, '18-24', 'click', 40, 0.1, 0.1, 0.05, 0.15, 0.08, 0.04, 0.12, 0.02, -0.01, 0.05),"
        + " (1, 'v1', 1, '18-24', 'click', 40, 0.1, 0.1, 0.05, 0.15, 0.08, 0.04, 0.12, 0.02, -0.01, 0.05)");
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  @BeforeEach
  void empty() {
    TestSql.execute(db.dataSource(), "DELETE FROM video_explanations");
  }

  @Test
  void theFirstExplanationOfAKeyIsKeptAndReadBackExactly() {
    StoredExplanation first = explanation(1, "en", "the first summary");
    ExplanationRepository.Stored stored = repository.storeIfAbsent(first);
    assertThat(stored.created()).isTrue();
    assertThat(stored.explanation()).usingRecursiveComparison().ignoringFields("createdAt").isEqualTo(first);

    ExplanationRepository.Stored again = repository.storeIfAbsent(explanation(1, "en", "a second summary"));
    assertThat(again.created()).isFalse();
    assertThat(again.explanation().explanation().summary()).isEqualTo("the first summary");
  }

  @Test
  void aNewerSnapshotAddsARowAndTheNewestPublishedOneIsRead() {
    repository.storeIfAbsent(explanation(1, "en", "from snapshot 1"));
    repository.storeIfAbsent(explanation(2, "en", "from snapshot 2"));
    // Snapshot 3 is still running: its explanation (were there one) is not read.
    repository.storeIfAbsent(explanation(3, "en", "from snapshot 3"));

    assertThat(repository.latest("v1", "en")).map(x -> x.explanation().summary()).contains("from snapshot 2");
    assertThat(repository.find("v1", 1, "en")).map(x -> x.explanation().summary()).contains("from snapshot 1");
    assertThat(repository.latest("v1", "zh")).isEmpty();
    assertThat(repository.latest("v2", "en")).isEmpty();
  }

  @Test
  void aSnapshotsVideosWithEffectsArePagedInIdOrder() {
    assertThat(repository.videosWithEffects(2, null, 1)).containsExactly("v1");
    assertThat(repository.videosWithEffects(2, "v1", 10)).containsExactly("v2");
    assertThat(repository.videosWithEffects(2, "v2", 10)).isEmpty();
    assertThat(repository.videosWithEffects(1, null, 10)).containsExactly("v1");
  }

  private static StoredExplanation explanation(long snapshotId, String language, String summary) {
    Evidence evidence = new Evidence(Evidence.VERSION, "v1", "a video", "en",
        new Evidence.Snapshot(snapshotId, "2026-01-01", "2026-01-31", "age_band", List.of("18-24")), List.of(),
        List.of(), List.of(), new Evidence.Baseline(null, null, 0), List.of(), List.of());
    Explanation x = new Explanation(language, summary,
        List.of(new Explanation.Driver("t", "18-24", "click", 1.5, 0.2, 2.8, "a driver")),
        List.of(new Explanation.Suggestion(null, "a suggestion")));
    return new StoredExplanation("v1", snapshotId, language, "template", null, null,
        new Verdict(true, List.of()), "rejected", List.of(new Verdict.Finding("number", "'4.3' matches nothing")),
        null, x, evidence, null);
  }
}
