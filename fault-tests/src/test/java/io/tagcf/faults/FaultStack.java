package io.tagcf.faults;

import io.tagcf.models.access.AccessRole;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.access.ApiKeyRepository;
import io.tagcf.store.access.KeyIssuer;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole platform in this JVM ({@code tagcf dev}: embedded Temporal, a worker, the gateway) on
 * the emptied test database, reaching PostgreSQL only through a {@link TcpFaultProxy} that a
 * test cuts or slows and restores before it ends. Tests read the database directly, past the
 * proxy. One stack serves every test class (each uses video ids of its own): starting one takes
 * most of 20 s.
 */
final class FaultStack implements AutoCloseable {

  /** A request is answered within this; short, so that the tests' waits stay short. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
  /** The reconciler looks every 10 s for ingests that have not moved for 20 s. */
  static final Duration RECONCILE_MIN_AGE = Duration.ofSeconds(20);

  private static FaultStack shared;

  final TcpFaultProxy database;
  final DevStack stack;
  /** The test's own pool, straight to PostgreSQL. */
  final Database direct;
  final Api api;
  /** The stack's configuration, with the proxied database. */
  final TagcfConfig config;
  final String adminKey;

  private FaultStack(TcpFaultProxy database, DevStack stack, Database direct, String adminKey, TagcfConfig config) {
    this.database = database;
    this.config = config;
    this.adminKey = adminKey;
    this.stack = stack;
    this.direct = direct;
    this.api = new Api(stack.httpPort(), stack.managementPort(), adminKey);
  }

  /** The stack, started on first use and stopped when the JVM exits. */
  static synchronized FaultStack get() throws Exception {
    if (shared == null) {
      shared = start(Map.of(
          "TAGCF_HTTP_REQUEST_TIMEOUT_MS", Long.toString(REQUEST_TIMEOUT.toMillis()),
          "TAGCF_RECONCILE_INTERVAL_SECONDS", "10",
          "TAGCF_RECONCILE_MIN_AGE_SECONDS", Long.toString(RECONCILE_MIN_AGE.toSeconds())));
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    shared.database.restore();
    return shared;
  }

  /** Starts on an emptied database with {@code env} over the embedded defaults. */
  private static FaultStack start(Map<String, String> env) throws Exception {
    Database direct = TestDatabase.fresh();
    DatabaseUrl real = TestDatabase.url();
    URI target = URI.create(real.jdbcUrl().substring("jdbc:".length()));
    TcpFaultProxy proxy = TcpFaultProxy.start(target.getHost(), target.getPort());
    DatabaseUrl proxied = new DatabaseUrl(
        real.jdbcUrl().replaceFirst(":" + target.getPort() + "/", ":" + proxy.port() + "/"), real.user(), real.password());
    Map<String, String> settings = new HashMap<>(Map.of(
        // The effects and roles upkeep would compete with the test's own load for the two cores.
        "TAGCF_MAINTENANCE", "on",
        "TAGCF_EFFECTS_INTERVAL_MINUTES", "100000",
        "TAGCF_ROLES_INTERVAL_MINUTES", "100000",
        "TAGCF_COVER_SET_INTERVAL_MINUTES", "100000",
        "TAGCF_EXPLAIN_AFTER_SNAPSHOT", "off",
        // An ingestion pipeline's key: the tests' load is not what rate limits are for.
        "TAGCF_RATE_SERVICE", "100000",
        "TAGCF_RATE_SERVICE_UPLOADS", "1000000"));
    settings.putAll(env);
    TagcfConfig config = TagcfConfig.from(settings)
        .withDatabase(proxied).withHttpPort(0).withManagementPort(0).withDevTemporalPort(0);
    DevStack stack;
    try {
      stack = DevStack.start(config);
    } catch (RuntimeException e) {
      proxy.close();
      direct.close();
      throw e;
    }
    String admin = new KeyIssuer(new ApiKeyRepository(direct.dataSource()), config.access().hasher())
        .add(AccessRole.ADMIN, null, "fault tests");
    return new FaultStack(proxy, stack, direct, admin, config);
  }

  @Override
  public void close() {
    database.restore();
    stack.close();
    database.close();
    direct.close();
  }
}
