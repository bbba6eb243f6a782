package io.tagcf.bench.soak;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.ApiClient;
import io.tagcf.ops.demo.CorpusUploader;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.WorkflowWaiter;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/** The soak itself: seed, run the open-loop traffic, sample every minute, check the end state. */
public final class SoakRun implements Callable<Integer> {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Requests the client keeps in flight at most: beyond it the server is overloaded anyway. */
  private static final long MAX_IN_FLIGHT = 512;

  private final DatabaseUrl url;
  private final Duration length;
  private final double uploadRate;
  private final double readRate;
  private final int seedVideos;
  private final IntFunction<List<CorpusVideo>> corpus;

  public SoakRun(DatabaseUrl url, Duration length, double uploadRate, double readRate, int seedVideos,
      IntFunction<List<CorpusVideo>> corpus) {
    this.url = url;
    this.length = length;
    this.uploadRate = uploadRate;
    this.readRate = readRate;
    this.seedVideos = seedVideos;
    this.corpus = corpus;
  }

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    // One service key drives all the traffic: the per-key limits are not what is measured.
    env.putIfAbsent("TAGCF_RATE_SERVICE", "100000");
    env.putIfAbsent("TAGCF_RATE_SERVICE_UPLOADS", "1000000");
    TagcfConfig config = TagcfConfig.from(env).withDatabase(url).withHttpPort(0).withManagementPort(0)
        .withDevTemporalPort(0);
    int total = seedVideos + (int) Math.ceil(uploadRate * length.toSeconds()) + 1_000;
    List<CorpusVideo> videos = corpus.apply(total);
    try (DevStack stack = DevStack.start(config)) {
      String key = new KeyIssuer(new ApiKeyRepository(stack.database().dataSource()), config.access().hasher())
          .add(AccessRole.SERVICE, null, "soak benchmark");
      String base = "http://" + config.httpHost() + ":" + stack.httpPort();
      List<CorpusVideo> seed = videos.subList(0, seedVideos);
      System.out.printf("seeding %d videos...%n", seedVideos);
      new CorpusUploader(new ApiClient(base, key), 16).uploadAll(seed, false);
      List<String> seedIds = seed.stream().map(v -> v.videoId()).toList();
      List<String> unseeded = WorkflowWaiter.of(stack).awaitAll(seedIds, 1_800, false);
      if (!unseeded.isEmpty()) {
        System.out.printf("%d seed videos not done; stopping%n", unseeded.size());
        return 2;
      }

      AtomicInteger next = new AtomicInteger(seedVideos);
      List<OpenLoopLoad.Route> routes = List.of(
          new OpenLoopLoad.Route("POST /v1/videos", uploadRate, () -> {
            ObjectNode body = videos.get(next.getAndIncrement() % videos.size()).upload();
            return HttpRequest.newBuilder(URI.create(base + "/v1/videos")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
          }),
          new OpenLoopLoad.Route("GET /v1/tags", readRate * 0.6,
              () -> OpenLoopLoad.get(base, "/v1/tags?size=20", key)),
          new OpenLoopLoad.Route("GET /v1/videos/{id}", readRate * 0.3,
              () -> OpenLoopLoad.get(base, "/v1/videos/" + any(seedIds), key)),
          new OpenLoopLoad.Route("GET /v1/videos/{id}/similar", readRate * 0.1,
              () -> OpenLoopLoad.get(base, "/v1/videos/" + any(seedIds) + "/similar?k=10", key)));

      SoakReport report = new SoakReport(routes.stream().map(OpenLoopLoad.Route::name).toList());
      report.header(length, uploadRate, readRate, Runtime.getRuntime().availableProcessors());
      report.start(HealthSample.take(stack.database().dataSource()));
      try (OpenLoopLoad load = new OpenLoopLoad(MAX_IN_FLIGHT)) {
        load.start(routes);
        long start = System.nanoTime();
        for (int minute = 1; minute <= length.toMinutes(); minute++) {
          long due = start + WINDOW.toNanos() * minute;
          Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
          report.window(minute, load.drain(), HealthSample.take(stack.database().dataSource()),
              count(stack, "SELECT count(*) FROM ingest_state WHERE stage NOT IN ('done', 'failed')"));
        }
      }
      // Every upload the platform stored, accepted or not: each must reach done.
      List<String> ids = storedIds(stack);
      long waitStart = System.nanoTime();
      List<String> unfinished = WorkflowWaiter.of(stack).awaitAll(ids, 1_800, false);
      return report.finish(ids.size(), unfinished, Duration.ofNanos(System.nanoTime() - waitStart));
    }
  }

  private static String any(List<String> ids) {
    return ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
  }

  /** The single number {@code sql} selects, e.g. the ingest backlog (a growing one: uploads outrun workers). */
  private static long count(DevStack stack, String sql) throws Exception {
    try (var c = stack.database().dataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static List<String> storedIds(DevStack stack) throws Exception {
    List<String> ids = new ArrayList<>();
    try (var c = stack.database().dataSource().getConnection();
        var st = c.createStatement();
        var rs = st.executeQuery("SELECT video_id FROM videos")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
