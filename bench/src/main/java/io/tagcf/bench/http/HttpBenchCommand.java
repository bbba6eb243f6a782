package io.tagcf.bench.http;

import io.tagcf.bench.process.CpuClock;
import io.tagcf.bench.process.TagcfProcess;
import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.ApiKeyFormat;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench http}: the gateway under wrk, as a creator's key reads it. The gateway runs
 * as its own process ({@code tagcf gateway}) on a database that holds explanations (the demo's),
 * wrk in another; each target gets a warm-up run and a measured one, and the report gives, next to
 * requests/s and latency, the cores that wrk, the gateway and the rest of the machine (PostgreSQL)
 * used over the measured run.
 */
@Command(name = "http", mixinStandardHelpOptions = true,
    description = {
      "Throughput and latency of the HTTP API under wrk, with a creator's key.",
      "Needs the Debian package wrk and a database with a published snapshot and explanations:"
          + " run ./tagcf demo --exit first. Results go to docs/BENCHMARKS.md."
    })
public final class HttpBenchCommand implements Callable<Integer> {

  /** What can be measured: a name and the path it requests for the chosen video. */
  enum Target {
    EXPLANATION, TAGS, VIDEO;

    String path(ExplainedVideo v) {
      String id = URLEncoder.encode(v.videoId(), StandardCharsets.UTF_8);
      return switch (this) {
        case EXPLANATION -> "/v1/videos/" + id + "/explanation?lang=" + v.language();
        case TAGS -> "/v1/tags";
        case VIDEO -> "/v1/videos/" + id;
      };
    }
  }

  /** A video with an explanation of the latest published snapshot, and its creator. */
  record ExplainedVideo(String videoId, String creatorId, String language) {}

  @Spec CommandSpec spec;

  @Option(names = "--database", defaultValue = DatabaseUrl.DEFAULT,
      description = "Database with explanations, e.g. the demo's (default ${DEFAULT-VALUE}). Only a key is added"
          + " (and revoked at the end).")
  String database;

  @Option(names = "--targets", split = ",", defaultValue = "explanation,tags,video",
      description = "Routes to measure, of ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  List<Target> targets;

  @Option(names = "--connections", defaultValue = "64", description = "wrk connections (default ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--threads", defaultValue = "2", description = "wrk threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds per target (default ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup-seconds", defaultValue = "10",
      description = "Unmeasured seconds per target first, for the JIT and the caches (default ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(names = "--out", defaultValue = "bench/target/http", description = "Logs go here (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (connections < 1 || threads < 1 || threads > connections || seconds < 1 || warmupSeconds < 0) {
      throw new ParameterException(spec.commandLine(),
          "--connections, --threads (at most the connections) and --seconds must be positive");
    }
    DatabaseUrl url = DatabaseUrl.parse(database);
    Wrk wrk = Wrk.prepare(out);
    TagcfConfig config = TagcfConfig.fromEnvironment().withDatabase(url);
    try (Database db = Database.open(url, 2);
        TemporalDevServer temporal = TemporalDevServer.start(0)) {
      ExplainedVideo video = explainedVideo(db);
      ApiKeyRepository keys = new ApiKeyRepository(db.dataSource());
      String key = new KeyIssuer(keys, config.access().hasher())
          .add(AccessRole.CREATOR, video.creatorId(), "http benchmark");
      int port = freePort();
      Process gateway = startGateway(temporal.address(), port);
      try {
        String base = "http://127.0.0.1:" + port;
        awaitHealthy(base, gateway);
        System.out.printf("gateway pid %d on %s; video %s of creator %s (%s); wrk %d threads, %d connections,"
                + " %d s warm-up + %d s measured per target; %d cores%n", gateway.pid(), base, video.videoId(),
            video.creatorId(), video.language(), threads, connections, warmupSeconds, seconds,
            Runtime.getRuntime().availableProcessors());
        Map<Target, Measured> results = new LinkedHashMap<>();
        for (Target target : targets) {
          String targetUrl = base + target.path(video);
          requireOk(targetUrl, key);
          if (warmupSeconds > 0) {
            wrk.run(targetUrl, key, threads, connections, Duration.ofSeconds(warmupSeconds));
          }
          long gatewayBefore = CpuClock.processNanos(gateway.pid());
          long machineBefore = CpuClock.machineBusyNanos();
          WrkResult r = wrk.run(targetUrl, key, threads, connections, Duration.ofSeconds(seconds));
          double gatewayCores = (CpuClock.processNanos(gateway.pid()) - gatewayBefore) / (r.durationMicros() * 1e3);
          double machineCores = (CpuClock.machineBusyNanos() - machineBefore) / (r.durationMicros() * 1e3);
          Measured m = new Measured(target.path(video), r, gatewayCores, machineCores);
          results.put(target, m);
          System.out.println(m.line(target));
        }
        boolean clean = results.values().stream().allMatch(m -> m.wrk().clean());
        if (!clean) {
          System.out.println("NOT VALID: some responses were errors (non-2xx or socket errors); see the table");
        }
        return clean ? 0 : 2;
      } finally {
        gateway.destroy();
        if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
          gateway.destroyForcibly();
        }
        keys.revoke(ApiKeyFormat.parse(key).orElseThrow().keyId());
      }
    }
  }

  /** One target's figures; the rest of the machine is mostly PostgreSQL. */
  record Measured(String path, WrkResult wrk, double gatewayCores, double machineCores) {
    String line(Target target) {
      double rest = Math.max(0, machineCores - gatewayCores - wrk.wrkCores());
      return String.format("%-12s %9.0f req/s  p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms"
              + "  non-2xx %d, socket errors %d | cores: wrk %.2f, gateway %.2f, rest %.2f (machine %.2f)  %s",
          target.name().toLowerCase(), wrk.requestsPerSecond(), wrk.p50() / 1e3, wrk.p90() / 1e3, wrk.p99() / 1e3,
          wrk.max() / 1e3, wrk.non2xx(), wrk.socketErrors(), wrk.wrkCores(), gatewayCores, rest, machineCores, path);
    }
  }

  /** The first video, by id, with an explanation of the latest published snapshot. */
  private static ExplainedVideo explainedVideo(Database db) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT e.video_id, v.creator_id, e.language FROM video_explanations e"
                + " JOIN videos v ON v.video_id = e.video_id"
                + " WHERE e.snapshot_id = (SELECT max(snapshot_id) FROM effect_snapshots WHERE status = 'published')"
                + " ORDER BY e.video_id, e.language LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no explanation of a published snapshot in " + db.url()
            + ": run ./tagcf demo --exit first (or name a database with --database)");
      }
      return new ExplainedVideo(rs.getString(1), rs.getString(2), rs.getString(3));
    }
  }

  /**
   * {@code tagcf gateway} as its own process, with rate limits far above what is measured: a 429
   * would not measure the route. The limiter itself still runs on every request.
   */
  private Process startGateway(String temporalAddress, int port) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", database);
    env.put("TEMPORAL_ADDRESS", temporalAddress);
    env.put("TAGCF_HTTP_PORT", Integer.toString(port));
    env.put("TAGCF_MANAGEMENT_PORT", Integer.toString(freePort()));
    env.put("TAGCF_RATE_CREATOR", "1000000");
    env.put("TAGCF_RATE_SERVICE", "1000000");
    return TagcfProcess.start(List.of("-Xmx2g", "-Xlog:gc:file=" + out.resolve("gateway-gc.log").toAbsolutePath()),
        List.of("gateway"), env, out.resolve("gateway.log"));
  }

  private void awaitHealthy(String base, Process gateway) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!gateway.isAlive()) {
        throw new IllegalStateException("the gateway exited (" + gateway.exitValue() + "); see " + out.resolve("gateway.log"));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new IllegalStateException("the gateway did not become healthy in 90 s; see " + out.resolve("gateway.log"));
  }

  /** A measurement of an error page would be worthless: the route must answer 200 first. */
  private static void requireOk(String url, String key) throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
