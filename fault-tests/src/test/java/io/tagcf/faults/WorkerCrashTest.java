package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.bench.process.WorkerProcess;
import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.ops.runtime.GatewayRuntime;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The only worker process is killed (SIGKILL) in the middle of 100 ingests, and another is
 * started: every video reaches {@code done} on its content, with one row and one embedding. Its
 * own Temporal server, so that no other worker polls the ingest queues.
 */
class WorkerCrashTest {

  private static final String PREFIX = "fault-crash-";
  private static final int VIDEOS = 100;

  @Test
  void ingestsSurviveAKilledWorker() throws Exception {
    FaultStack faults = FaultStack.get();
    Rows rows = new Rows(faults.direct);
    Path logs = Path.of("target", "worker-crash");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (TemporalDevServer server = TemporalDevServer.start(0);
        TemporalConnection connection = TemporalConnection.withDeadline(
            server.address(), "default", registry, faults.config.limits().temporalRpcTimeout());
        Database db = Database.open(TestDatabase.url(), faults.config.limits().gatewayPool());
        GatewayRuntime gateway = GatewayRuntime.start(faults.config, db, connection.client(), registry)) {
      Map<String, String> env = workerEnvironment(server.address());
      Api api = new Api(gateway.port(), gateway.managementPort(), faults.adminKey);
      WorkerProcess first = WorkerProcess.start("first", env, List.of("-Xmx1g"), logs.resolve("first.log"))
          .awaitReady(Duration.ofMinutes(2));
      ExecutorService uploaders = Executors.newFixedThreadPool(4);
      try {
        List<Future<Api.Reply>> uploads = new ArrayList<>();
        for (int i = 0; i < VIDEOS; i++) {
          String json = Catalog.upload(PREFIX + i, "fault-creator", i);
          uploads.add(uploaders.submit(() -> api.upload(json, Duration.ofMinutes(2))));
        }
        long before = rows.awaitDone(PREFIX + "%", n -> n >= 20, Duration.ofMinutes(2));
        first.kill();
        System.out.printf("worker killed with %d of %d videos done%n", before, VIDEOS);
        assertThat(before).as("ingests under way at the kill").isBetween(20L, VIDEOS - 1L);
        for (Future<Api.Reply> f : uploads) {
          Api.Reply r = f.get(3, TimeUnit.MINUTES);
          assertThat(r.status()).as(r.body()).isEqualTo(202);
        }
        try (WorkerProcess second = WorkerProcess.start("second", env, List.of("-Xmx1g"), logs.resolve("second.log"))
            .awaitReady(Duration.ofMinutes(2))) {
          long done = rows.awaitDone(PREFIX + "%", n -> n == VIDEOS, Duration.ofMinutes(3));
          System.out.printf("%d of %d videos done after the restart%n", done, VIDEOS);
          assertThat(done).as("done after the restart; worker log " + second.log()).isEqualTo(VIDEOS);
        }
      } finally {
        uploaders.shutdownNow();
        first.kill();
      }
    }
    String like = PREFIX + "%";
    assertThat(rows.count("SELECT count(*) FROM videos WHERE video_id LIKE ?", like)).isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(*) FROM video_embeddings WHERE video_id LIKE ?", like)).isEqualTo(VIDEOS);
    assertThat(rows.count("SELECT count(*) FROM ingest_state WHERE video_id LIKE ? AND error IS NOT NULL", like))
        .isZero();
    assertThat(rows.count("SELECT count(*) FROM video_tags t JOIN videos v ON v.video_id = t.video_id"
        + " WHERE t.video_id LIKE ? AND t.content_hash <> v.content_hash", like)).isZero();
  }

  private static Map<String, String> workerEnvironment(String temporalAddress) {
    DatabaseUrl db = TestDatabase.url();
    String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user=" + db.user()
        + (db.password() == null ? "" : "&password=" + db.password());
    return Map.of("DATABASE_URL", url, "TEMPORAL_ADDRESS", temporalAddress, "TAGCF_MAINTENANCE", "off",
        "TAGCF_CPU_ACTIVITY_SLOTS", "1", "TAGCF_DB_POOL_SIZE", "8");
  }
}
