package io.tagcf.bench;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.gateway.ranking.CandidateScores;
import io.tagcf.gateway.ranking.CandidateScores.Scored;
import io.tagcf.gateway.ranking.RememberedRankingStore;
import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.SetupScript;
import io.tagcf.ops.runtime.GatewayRuntime;
import io.tagcf.ops.runtime.gateway.JdbcRankingStore;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench rank-scores}: the cost of {@code POST /v1/rank/tag-scores} for 1,000
 * candidates. A benchmark database gets a catalog of tagged videos and one user's profile of the
 * platform's sizes (20 interest tags, 10 roles, 10 expanded roles); then the gateway's own scoring
 * (reads from PostgreSQL and scoring, the handler's work) is timed call by call, and, separately,
 * the HTTP round trip through a real gateway with a service key.
 */
@Command(name = "rank-scores", mixinStandardHelpOptions = true,
    description = {
      "Latency of the ranking API for N candidates: server side (PostgreSQL reads + scoring) and the HTTP round trip.",
      "Uses its own database (default tagcf_bench); rows it writes are prefixed rank-bench-."
    })
final class RankScoresBenchCommand implements Callable<Integer> {

  private static final String PREFIX = "rank-bench-";
  private static final String USER = PREFIX + "user";
  private static final Pattern TIMING = Pattern.compile("db;dur=([0-9.]+), score;dur=([0-9.]+)");

  @Spec CommandSpec spec;

  @Option(names = "--database", paramLabel = "URL", defaultValue = "postgresql://127.0.0.1:5432/tagcf_bench?user=postgres",
      description = "Database to use (default ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--videos", defaultValue = "20000", description = "Catalog size (default ${DEFAULT-VALUE}).")
  int videos;

  @Option(names = "--candidates", defaultValue = "1000", description = "Candidates per call (default ${DEFAULT-VALUE}).")
  int candidates;

  @Option(names = "--calls", defaultValue = "2000", description = "Measured calls per setting (default ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the catalog and the candidates (default ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws Exception {
    if (candidates < 1 || candidates > 1000 || videos < candidates || calls < 100) {
      throw new IllegalArgumentException("--candidates must be 1..1000, --videos >= --candidates, --calls >= 100");
    }
    PrintWriter out = spec.commandLine().getOut();
    DatabaseUrl url = DatabaseUrl.parse(database);
    SetupScript.runFor(url);
    try (Database db = Database.open(url, 8)) {
      long t0 = System.nanoTime();
      Catalog catalog = seed(db.dataSource());
      out.printf(Locale.ROOT, "catalog: %d videos (6 item + 2 audience tags each), %d item and %d audience tags, one user's"
          + " profile (20 interest tags, 10 roles, 10 expanded roles); written in %.1f s%n", videos, catalog.itemTags.size(),
          catalog.audienceTags.size(), (System.nanoTime() - t0) / 1e9);
      Random random = new Random(seed + 1);
      out.printf(Locale.ROOT, "server side, %d candidates of %d, %d calls on one thread:%n", candidates, videos, calls);
      measure(out, "database (every read)", new CandidateScores(new JdbcRankingStore(db.dataSource())), random);
      // The gateway's path: reads remembered for a minute. Its warm-up sees the whole catalog once.
      CandidateScores remembered = new CandidateScores(new RememberedRankingStore(new JdbcRankingStore(db.dataSource())));
      for (int from = 0; from < videos; from += candidates) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < Math.min(videos, from + candidates); i++) {
          ids.add(PREFIX + i);
        }
        remembered.score(USER, ids);
      }
      measure(out, "gateway (remembered reads)", remembered, random);
      http(out, db, url, random);
    }
    return 0;
  }

  private void measure(PrintWriter out, String name, CandidateScores scores, Random random) {
    for (int i = 0; i < 300; i++) {
      scores.score(USER, pick(random));
    }
    double[] total = new double[calls];
    double[] read = new double[calls];
    double[] scoring = new double[calls];
    for (int i = 0; i < calls; i++) {
      List<String> ids = pick(random);
      long s = System.nanoTime();
      Scored r = scores.score(USER, ids);
      total[i] = (System.nanoTime() - s) / 1e6;
      read[i] = r.readMillis();
      scoring[i] = r.scoreMillis();
      if (r.scores().size() != ids.size()) {
        throw new IllegalStateException("scored " + r.scores().size() + " of " + ids.size() + " candidates");
      }
    }
    out.println("  " + name + ":");
    out.println("    " + line("reads", read));
    out.println("    " + line("scoring (in memory)", scoring));
    out.println("    " + line("total", total));
    out.flush();
  }

  private void http(PrintWriter out, Database db, DatabaseUrl url, Random random) throws Exception {
    TagcfConfig config = TagcfCommand.config(spec).withDatabase(url).withHttpPort(0).withManagementPort(0);
    String key = new KeyIssuer(new ApiKeyRepository(db.dataSource()), config.access().hasher())
        .add(AccessRole.SERVICE, null, "tagcf bench rank-scores");
    // The ranking route never calls Temporal; lazy stubs connect only on a first call, which never comes.
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(config.temporalAddress().orElse("127.0.0.1:7233")).build());
    try (GatewayRuntime gateway = GatewayRuntime.start(config, db, WorkflowClient.newInstance(stubs),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI uri = URI.create("http://" + config.httpHost() + ":" + gateway.port() + "/v1/rank/tag-scores");
      for (int i = 0; i < 300; i++) {
        HttpResponse<String> r = send(client, uri, key, pick(random));
        if (r.statusCode() != 200) {
          throw new IllegalStateException("the gateway answered " + r.statusCode() + ": " + r.body());
        }
      }
      double[] roundTrip = new double[calls];
      double[] server = new double[calls];
      for (int i = 0; i < calls; i++) {
        List<String> ids = pick(random);
        long s = System.nanoTime();
        HttpResponse<String> r = send(client, uri, key, ids);
        roundTrip[i] = (System.nanoTime() - s) / 1e6;
        Matcher m = TIMING.matcher(r.headers().firstValue("Server-Timing").orElse(""));
        if (r.statusCode() != 200 || !m.matches()) {
          throw new IllegalStateException("the gateway answered " + r.statusCode() + ": " + r.body());
        }
        server[i] = Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
      }
      out.printf(Locale.ROOT, "HTTP, %d candidates, %d calls one after another (service key, JSON both ways, loopback):%n",
          candidates, calls);
      out.println("  " + line("round trip", roundTrip));
      out.println("  " + line("of which server side", server));
      out.flush();
    } finally {
      stubs.shutdownNow();
    }
  }

  private HttpResponse<String> send(HttpClient client, URI uri, String key, List<String> ids) throws Exception {
    String body = "{\"userId\":\"" + USER + "\",\"candidates\":["
        + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    return client.send(HttpRequest.newBuilder(uri).timeout(java.time.Duration.ofSeconds(10)).header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private List<String> pick(Random random) {
    List<String> out = new ArrayList<>(candidates);
    random.ints(0, videos).distinct().limit(candidates).forEach(i -> out.add(PREFIX + i));
    return out;
  }

  private static String line(String what, double[] millis) {
    double[] s = millis.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%-26s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %6.2f ms", what,
        pct(s, 0.50), pct(s, 0.95), pct(s, 0.99), s[s.length - 1]);
  }

  private static double pct(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private record Catalog(List<Long> itemTags, List<Long> audienceTags) {}

  /** Replaces the benchmark's own rows: its tags, videos and the user's profile. */
  private Catalog seed(DataSource ds) throws SQLException {
    Random random = new Random(seed);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("DELETE FROM videos WHERE video_id LIKE '" + PREFIX + "%'");
        for (String table : List.of("user_tag_interest", "user_roles", "user_role_expansions")) {
          st.execute("DELETE FROM " + table + " WHERE user_id = '" + USER + "'");
        }
        st.execute("INSERT INTO tags (kind, slug, label_en, status, origin) SELECT 'item', '" + PREFIX + "item-' || g,"
            + " 'bench item tag ' || g, 'vocabulary', 'bench' FROM generate_series(1, 400) g ON CONFLICT (kind, slug) DO NOTHING");
        st.execute("INSERT INTO tags (kind, slug, label_en, status, origin) SELECT 'audience', '" + PREFIX + "role-' || g,"
            + " 'bench role ' || g, 'vocabulary', 'bench' FROM generate_series(1, 100) g ON CONFLICT (kind, slug) DO NOTHING");
      }
      List<Long> items = ids(c, "item");
      List<Long> roles = ids(c, "audience");
      // Set-based, in the database: a row at a time would take minutes for 20,000 videos. Tag k of
      // video g is the (g·37 + k·61)-th of its kind modulo the count: distinct within a video.
      try (Statement st = c.createStatement()) {
        st.execute("SELECT setseed(" + (seed % 1000) / 1000.0 + ")");
        st.execute("INSERT INTO videos (video_id, creator_id, title, language, content_hash) SELECT '" + PREFIX
            + "' || g, 'bench', 'bench video', 'en', 'h' FROM generate_series(0, " + (videos - 1) + ") g");
        st.execute(tagRows("item", items, 6));
        st.execute(tagRows("audience", roles, 2));
      }
      try (PreparedStatement interest = c.prepareStatement(
              "INSERT INTO user_tag_interest (user_id, tag_id, probability, rank) VALUES (?, ?, ?, ?)");
          PreparedStatement role = c.prepareStatement("INSERT INTO user_roles (user_id, tag_id, probability, rank) VALUES (?, ?, ?, ?)");
          PreparedStatement expansion = c.prepareStatement("INSERT INTO user_role_expansions"
              + " (user_id, role_tag_id, weight, via_role_tag_id, via_item_tag_id, rank) VALUES (?, ?, ?, ?, ?, ?)")) {
        List<Long> userTags = zipfDistinct(random, items, 20);
        List<Long> userRoles = zipfDistinct(random, roles, 10);
        List<Long> expanded = zipfDistinct(random, roles, 10);
        for (int k = 0; k < 20; k++) {
          profileRow(interest, userTags.get(k), 0.3 / (k + 1), k + 1);
        }
        for (int k = 0; k < 10; k++) {
          profileRow(role, userRoles.get(k), 0.3 / (k + 1), k + 1);
          expansion.setString(1, USER);
          expansion.setLong(2, expanded.get(k));
          expansion.setDouble(3, 0.3 / (k + 1));
          expansion.setLong(4, userRoles.get(k));
          expansion.setLong(5, userTags.get(k));
          expansion.setInt(6, k + 1);
          expansion.addBatch();
        }
        interest.executeBatch();
        role.executeBatch();
        expansion.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement st = c.createStatement()) {
        st.execute("ANALYZE videos, video_tags, user_tag_interest, user_roles, user_role_expansions");
      }
      return new Catalog(items, roles);
    }
  }

  private static void profileRow(PreparedStatement ps, long tag, double p, int rank) throws SQLException {
    ps.setString(1, USER);
    ps.setLong(2, tag);
    ps.setDouble(3, p);
    ps.setInt(4, rank);
    ps.addBatch();
  }

  private String tagRows(String kind, List<Long> tags, int perVideo) {
    String ids = tags.stream().map(String::valueOf).collect(Collectors.joining(","));
    return "INSERT INTO video_tags (video_id, tag_id, kind, score, rank, raw_label, match_similarity, tagger, content_hash)"
        + " SELECT '" + PREFIX + "' || g, (ARRAY[" + ids + "])[1 + (g * 37 + k * 61) % " + tags.size() + "], '" + kind + "',"
        + " 0.3 + 0.6 * random(), k + 1, 'bench', 1, 'offline', 'h'"
        + " FROM generate_series(0, " + (videos - 1) + ") g, generate_series(0, " + (perVideo - 1) + ") k";
  }

  /** {@code n} distinct tags, popular ones (small index) likelier, as tag use is power-law. */
  private static List<Long> zipfDistinct(Random random, List<Long> tags, int n) {
    List<Long> out = new ArrayList<>(n);
    while (out.size() < n) {
      long tag = tags.get((int) Math.min(tags.size() - 1, Math.floor(Math.pow(tags.size(), random.nextDouble())) - 1));
      if (!out.contains(tag)) {
        out.add(tag);
      }
    }
    return out;
  }

  private static List<Long> ids(Connection c, String kind) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement("SELECT tag_id FROM tags WHERE kind = ? AND slug LIKE ? ORDER BY tag_id")) {
      ps.setString(1, kind);
      ps.setString(2, PREFIX + "%");
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }
}
