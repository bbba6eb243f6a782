package io.tagcf.gateway;

import static io.tagcf.gateway.GatewayTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A dependency that stops answering fills its own lane only: requests beyond the lane's bound are
 * refused at once, those admitted are answered 503 when the request timeout passes, and the other
 * lane, the probes and the metrics keep answering.
 */
class SaturationTest {

  /** One thread and one waiting place per lane; a request is answered within 1 s. */
  private static final GatewayLimits TIGHT =
      new GatewayLimits(1, 1, 1, 1, Duration.ofSeconds(1), Duration.ofSeconds(60));

  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService clients = Executors.newFixedThreadPool(5);
  private GatewayHarness gateway;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    clients.shutdownNow();
    gateway.close();
  }

  @Test
  void aStalledDatabaseFillsItsLaneAndTheRestIsRefusedAtOnce() throws Exception {
    gateway = GatewayHarness.start(TIGHT);
    assertThat(gateway.get("/v1/videos/v-1").status()).as("the admin key is looked up and remembered").isEqualTo(404);
    gateway.threads.stall("videos.", release);

    List<Reply> replies = concurrently(5, () -> gateway.get("/v1/videos/v-1"));

    long refused = replies.stream().filter(r -> detail(r).contains("at its limit for database work")).count();
    long timedOut = replies.stream().filter(r -> detail(r).contains("not answered in time")).count();
    assertThat(refused).as("beyond one running and one waiting").isEqualTo(3);
    assertThat(timedOut).isEqualTo(2);
    for (Reply r : replies) {
      assertProblem(r, 503, "Service unavailable", "/v1/videos/v-1");
      assertThat(r.header("Retry-After")).isEqualTo("1");
    }
    assertThat(gateway.get("/healthz").status()).isEqualTo(200);
    assertThat(gateway.management("/metrics").text())
        .contains("tagcf_gateway_lane_refused_total{lane=\"database\"} 3.0");
    assertThat(gateway.postJson("/v1/admin/snapshots", "{}").status())
        .as("work that only starts a workflow runs on the other lane").isEqualTo(202);

    release.countDown();
    awaitLaneEmpty("database");
    assertThat(gateway.get("/v1/videos/v-1").status()).as("the lane serves again once the database answers")
        .isEqualTo(404);
  }

  @Test
  void aStalledOrchestratorTimesOutUploadsWhileReadsAnswer() throws Exception {
    gateway = GatewayHarness.start(TIGHT);
    gateway.threads.stall("ingest.requestIngest", release);

    Reply upload = gateway.postJson("/v1/videos", "{\"videoId\":\"v-9\",\"creatorId\":\"c-1\",\"title\":\"a title\"}");

    assertProblem(upload, 503, "Service unavailable", "/v1/videos");
    assertThat(detail(upload)).contains("not answered in time");
    assertThat(gateway.get("/v1/tags").status()).isEqualTo(200);
    assertThat(gateway.management("/readyz").status()).isEqualTo(200);
  }

  private void awaitLaneEmpty(String lane) throws InterruptedException {
    String empty = "tagcf_gateway_lane_in_flight{lane=\"" + lane + "\"} 0.0";
    for (int i = 0; i < 100 && !gateway.management("/metrics").text().contains(empty); i++) {
      Thread.sleep(50);
    }
    assertThat(gateway.management("/metrics").text()).contains(empty);
  }

  private List<Reply> concurrently(int n, Callable<Reply> request) throws Exception {
    List<Future<Reply>> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(clients.submit(request));
    }
    List<Reply> replies = new ArrayList<>();
    for (Future<Reply> f : sent) {
      replies.add(f.get(30, TimeUnit.SECONDS));
    }
    return replies;
  }

  private static String detail(Reply r) {
    return r.json().getString("detail", "");
  }
}
