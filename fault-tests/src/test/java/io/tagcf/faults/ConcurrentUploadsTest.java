package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One new video id uploaded 100 times at once over HTTP, in five different contents, then twenty
 * more uploads interleaving two new contents and a last one: every upload is accepted (none
 * answers 500), one row holds the video, and what is tagged and embedded is its last content.
 */
class ConcurrentUploadsTest {

  private static final String ID = "fault-same";
  private static FaultStack faults;
  private static Rows rows;

  @BeforeAll
  static void start() throws Exception {
    faults = FaultStack.get();
    rows = new Rows(faults.direct);
  }

  @Test
  void aHundredUploadsOfOneNewIdMakeOneRowAndTheLastContentIsTagged() throws Exception {
    List<Api.Reply> first = all(100, i -> Catalog.upload(ID, "fault-creator", i % 5));
    assertAccepted(first);
    assertThat(rows.count("SELECT count(*) FROM videos WHERE video_id LIKE ?", ID)).isEqualTo(1);
    assertConverged();

    List<Api.Reply> interleaved = all(20, i -> Catalog.upload(ID, "fault-creator", 100 + i % 2));
    assertAccepted(interleaved);
    Api.Reply last = faults.api.upload(Catalog.upload(ID, "fault-creator", 7), Duration.ofSeconds(60));
    assertThat(last.status()).as(last.body()).isEqualTo(202);

    assertConverged();
    assertThat(faults.api.get("/v1/videos/" + ID).json().path("title").asText()).isEqualTo(Catalog.title(7));
  }

  /** The ingest ends on the row's content: stage done, tags and embedding of that content only. */
  private static void assertConverged() throws Exception {
    assertThat(rows.awaitDone(ID, n -> n == 1, Duration.ofSeconds(90))).as("ingest of the last content done")
        .isEqualTo(1);
    assertThat(rows.count("SELECT count(*) FROM video_tags t JOIN videos v ON v.video_id = t.video_id"
        + " WHERE t.video_id LIKE ? AND t.kind = 'item'", ID)).as("item tags").isPositive();
    assertThat(rows.count("SELECT count(*) FROM video_tags t JOIN videos v ON v.video_id = t.video_id"
        + " WHERE t.video_id LIKE ? AND t.content_hash <> v.content_hash", ID)).as("tags of older content").isZero();
    assertThat(rows.count("SELECT count(*) FROM video_embeddings e JOIN videos v ON v.video_id = e.video_id"
        + " WHERE e.video_id LIKE ? AND e.content_hash = v.content_hash", ID)).as("embedding of the content")
        .isEqualTo(1);
  }

  private static void assertAccepted(List<Api.Reply> replies) {
    assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(202));
  }

  /** Sends {@code n} uploads at the same instant, each retried on 503 as a client should. */
  private static List<Api.Reply> all(int n, IntFunction<String> body) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Api.Reply>> sent = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String json = body.apply(i);
        sent.add(clients.submit(() -> {
          go.await();
          return faults.api.upload(json, Duration.ofSeconds(60));
        }));
      }
      go.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : sent) {
        replies.add(f.get(120, TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      clients.shutdownNow();
    }
  }
}
