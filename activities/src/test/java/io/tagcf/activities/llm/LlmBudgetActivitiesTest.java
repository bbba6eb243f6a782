package io.tagcf.activities.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.activities.ingest.IngestFailures;
import io.tagcf.models.video.VideoRef;
import io.tagcf.store.Database;
import io.tagcf.store.Fixtures;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import io.tagcf.store.budget.LlmCallBudget;
import io.tagcf.store.video.VideoRepository;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The budget activity against the real database: per creator (read from the video), per UTC day. */
class LlmBudgetActivitiesTest {

  private static Database db;
  private static final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-10-05T23:59:00Z"));
  private static LlmBudgetActivitiesImpl activity;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    TestSql.execute(db.dataSource(), "DELETE FROM llm_creator_budget");
    VideoRepository videos = new VideoRepository(db.dataSource());
    for (String[] v : new String[][] {{"a-1", "a"}, {"a-2", "a"}, {"a-3", "a"}, {"b-1", "b"}}) {
      videos.upsertForIngest(Fixtures.video(v[0], v[1], "a title"), "h-" + v[0], "wf-" + v[0]);
    }
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now.get();
      }
    };
    // Two videos a day: four calls.
    activity = new LlmBudgetActivitiesImpl(new CurrentVideo(videos), new LlmCallBudget(db.dataSource()), 4, clock);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aCreatorsVideosShareTheDaysBudgetWhichTheNextUtcDayRenews() {
    assertThat(activity.takeLlmTagging(new VideoRef("a-1", "h-a-1"))).isTrue();
    assertThat(activity.takeLlmTagging(new VideoRef("a-2", "h-a-2"))).isTrue();
    assertThat(activity.takeLlmTagging(new VideoRef("a-3", "h-a-3"))).as("a's third video today").isFalse();
    assertThat(activity.takeLlmTagging(new VideoRef("b-1", "h-b-1"))).as("b has a budget of its own").isTrue();
    now.set(Instant.parse("2026-10-06T00:01:00Z"));
    assertThat(activity.takeLlmTagging(new VideoRef("a-3", "h-a-3"))).isTrue();
  }

  @Test
  void aVideoWhoseContentChangedTakesNothing() {
    assertThatThrownBy(() -> activity.takeLlmTagging(new VideoRef("b-1", "old-hash")))
        .isInstanceOfSatisfying(ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(IngestFailures.CONTENT_SUPERSEDED));
  }
}
