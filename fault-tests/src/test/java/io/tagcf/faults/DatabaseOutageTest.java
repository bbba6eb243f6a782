package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for 60 s in the middle of 500 ingests (every connection reset, new ones
 * refused) and comes back. Uploads sent meanwhile are answered 503 and repeated by the client;
 * ingests in flight wait and retry. In the end every video is {@code done} on its content, with
 * one row, one embedding and no failed or stuck stage.
 */
class DatabaseOutageTest {

  private static final String PREFIX = "fault-outage-";
  private static final int VIDEOS = 500;
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static FaultStack faults;
  private static Rows rows;

  @BeforeAll
  static void start() throws Exception {
    faults = FaultStack.get();
    rows = new Rows(faults.direct);
  }

  @Test
  void fiveHundredIngestsSurviveAMinuteWithoutTheDatabase() throws Exception {
    ExecutorService uploaders = Executors.newFixedThreadPool(8);
    List<Future<Api.Reply>> uploads = new ArrayList<>();
    try {
      for (int i = 0; i < VIDEOS; i++) {
        String json = Catalog.upload(PREFIX + i, "fault-creator-" + (i % 7), i);
        uploads.add(uploaders.submit(() -> faults.api.upload(json, Duration.ofMinutes(4))));
      }
      long before = rows.awaitDone(PREFIX + "%", n -> n >= 100, Duration.ofMinutes(2));
      assertThat(before).as("ingests under way before the outage").isGreaterThanOrEqualTo(100);
      faults.database.cut();
      long cutAt = System.nanoTime();
      System.out.printf("database cut with %d of %d videos done%n", before, VIDEOS);
      Thread.sleep(OUTAGE.toMillis());
      faults.database.restore();
      System.out.printf("database back after %d s%n", (System.nanoTime() - cutAt) / 1_000_000_000L);

      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : uploads) {
        replies.add(f.get(5, TimeUnit.MINUTES));
      }
      assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));
    } finally {
      uploaders.shutdownNow();
      faults.database.restore();
    }

    long done = rows.awaitDone(PREFIX + "%", n -> n == VIDEOS, Duration.ofMinutes(5));
    System.out.printf("%d of %d videos done after the outage%n", done, VIDEOS);
    String like = PREFIX + "%";
    assertThat(done).isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(*) FROM videos WHERE video_id LIKE ?", like)).isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(*) FROM ingest_state WHERE video_id LIKE ? AND (stage <> 'done' OR error IS NOT NULL)",
        like)).as("failed or stuck stages").isZero();
    assertThat(rows.count("SELECT count(*) FROM video_embeddings WHERE video_id LIKE ?", like)).isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(DISTINCT video_id) FROM video_tags WHERE video_id LIKE ? AND kind = 'item'",
        like)).as("videos with item tags").isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(*) FROM video_tags t JOIN videos v ON v.video_id = t.video_id"
        + " WHERE t.video_id LIKE ? AND t.content_hash <> v.content_hash", like)).isZero();
  }
}
