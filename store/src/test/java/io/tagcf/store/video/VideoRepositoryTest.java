package io.tagcf.store.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.IngestStage;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoRepositoryTest {

  private static Database db;
  private static VideoRepository videos;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    videos = new VideoRepository(db.dataSource());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void firstUploadCreatesAndQueues() {
    UploadDecision d = videos.upsertForIngest(Fixtures.video("r1", "c1", "t"), "h1", "video-ingest/r1");
    assertThat(d.kind()).isEqualTo(UploadDecision.Kind.CREATED);
    StoredVideo stored = videos.find("r1").orElseThrow();
    assertThat(stored.stage()).isEqualTo(IngestStage.QUEUED);
    assertThat(stored.contentHash()).isEqualTo("h1");
    assertThat(stored.video().title()).isEqualTo("t");
    assertThat(stored.video().publishedAt()).hasToString("2026-10-01T12:00:00Z");
  }

  @Test
  void sameContentAfterDoneIsUnchangedAndChangedContentRequeues() {
    videos.upsertForIngest(Fixtures.video("r2", "c1", "t"), "h1", "wf");
    assertThat(videos.advanceStage("r2", "h1", IngestStage.DONE, null)).isTrue();
    assertThat(videos.upsertForIngest(Fixtures.video("r2", "c1", "t"), "h1", "wf").kind())
        .isEqualTo(UploadDecision.Kind.UNCHANGED);
    assertThat(videos.upsertForIngest(Fixtures.video("r2", "c1", "t2"), "h2", "wf").kind())
        .isEqualTo(UploadDecision.Kind.CHANGED);
    StoredVideo stored = videos.find("r2").orElseThrow();
    assertThat(stored.stage()).isEqualTo(IngestStage.QUEUED);
    assertThat(stored.video().title()).isEqualTo("t2");
    // A run of the old content can no longer move the stage.
    assertThat(videos.advanceStage("r2", "h1", IngestStage.TAGGING, null)).isFalse();
  }

  @Test
  void failedRunsAreRequeuedAndUnfinishedOnesResumed() {
    videos.upsertForIngest(Fixtures.video("r3", "c1", "t"), "h1", "wf");
    assertThat(videos.upsertForIngest(Fixtures.video("r3", "c1", "t"), "h1", "wf").kind())
        .isEqualTo(UploadDecision.Kind.RESUMED);
    videos.advanceStage("r3", "h1", IngestStage.EMBEDDING, null);
    UploadDecision midway = videos.upsertForIngest(Fixtures.video("r3", "c1", "t"), "h1", "wf");
    assertThat(midway.kind()).isEqualTo(UploadDecision.Kind.RESUMED);
    assertThat(midway.needsIngest()).isTrue();
    assertThat(videos.find("r3").orElseThrow().stage()).isEqualTo(IngestStage.EMBEDDING);
    videos.advanceStage("r3", "h1", IngestStage.FAILED, "boom");
    assertThat(videos.find("r3").orElseThrow().error()).isEqualTo("boom");
    assertThat(videos.upsertForIngest(Fixtures.video("r3", "c1", "t"), "h1", "wf").kind())
        .isEqualTo(UploadDecision.Kind.REQUEUED);
    assertThat(videos.find("r3").orElseThrow().error()).isNull();
  }

  @Test
  void eachChangeOfContentIsTheNextRevisionAndNothingElseIs() {
    assertThat(videos.upsertForIngest(Fixtures.video("r5", "c1", "t"), "h1", "wf").revision()).isEqualTo(1);
    assertThat(videos.upsertForIngest(Fixtures.video("r5", "c1", "t"), "h1", "wf").revision())
        .as("resumed, same content").isEqualTo(1);
    assertThat(videos.upsertForIngest(Fixtures.video("r5", "c1", "t2"), "h2", "wf").revision()).isEqualTo(2);
    videos.advanceStage("r5", "h2", IngestStage.FAILED, "boom");
    assertThat(videos.upsertForIngest(Fixtures.video("r5", "c1", "t2"), "h2", "wf").revision())
        .as("requeued, same content").isEqualTo(2);
    assertThat(videos.upsertForIngest(Fixtures.video("r5", "c1", "t3"), "h3", "wf").revision()).isEqualTo(3);

    assertThat(videos.currentContent("r5")).contains(new ContentRevision("h3", 3));
    assertThat(videos.currentContent("no-such-video")).isEmpty();
  }

  @Test
  void anotherCreatorCannotTakeOverAVideoId() {
    videos.upsertForIngest(Fixtures.video("r4", "owner", "t"), "h1", "wf");
    assertThatThrownBy(() -> videos.upsertForIngest(Fixtures.video("r4", "intruder", "x"), "h9", "wf"))
        .isInstanceOf(CreatorMismatchException.class);
    assertThat(videos.find("r4").orElseThrow().video().title()).isEqualTo("t");
  }

  @Test
  void concurrentUploadsOfOneNewIdMakeOneRowAndOneCreation() throws Exception {
    int uploads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(uploads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<UploadDecision>> decisions = new ArrayList<>();
      for (int i = 0; i < uploads; i++) {
        decisions.add(pool.submit(() -> {
          start.await();
          return videos.upsertForIngest(Fixtures.video("race-1", "c1", "t"), "h1", "video-ingest/race-1");
        }));
      }
      start.countDown();
      List<UploadDecision.Kind> kinds = new ArrayList<>();
      for (Future<UploadDecision> d : decisions) {
        kinds.add(d.get(60, TimeUnit.SECONDS).kind());
      }
      assertThat(kinds).as("no upload fails on the key").hasSize(uploads);
      assertThat(kinds.stream().filter(k -> k == UploadDecision.Kind.CREATED)).hasSize(1);
      assertThat(kinds).containsOnly(UploadDecision.Kind.CREATED, UploadDecision.Kind.RESUMED);
    } finally {
      pool.shutdownNow();
    }
    assertThat(TestSql.number(db.dataSource(), "SELECT count(*) FROM videos WHERE video_id = 'race-1'")).isEqualTo(1);
    assertThat(TestSql.number(db.dataSource(), "SELECT count(*) FROM ingest_state WHERE video_id = 'race-1'"))
        .isEqualTo(1);
  }

  @Test
  void unknownVideoIsEmpty() {
    assertThat(videos.find("nope")).isEmpty();
  }
}
