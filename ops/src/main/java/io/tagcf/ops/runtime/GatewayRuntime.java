package io.tagcf.ops.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.gateway.GatewayDependencies;
import io.tagcf.gateway.access.AccessControl;
import io.tagcf.gateway.health.ManagementServer;
import io.tagcf.ops.runtime.gateway.JdbcKeyStore;
import io.tagcf.gateway.GatewayServer;
import io.tagcf.gateway.effects.TemporalSnapshotStarter;
import io.tagcf.gateway.explanations.TemporalExplanationStarter;
import io.tagcf.gateway.ingest.TemporalIngestStarter;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.gateway.JdbcInteractionStore;
import io.tagcf.ops.runtime.gateway.JdbcEffectStore;
import io.tagcf.ops.runtime.gateway.JdbcExplanationStore;
import io.tagcf.ops.runtime.gateway.JdbcTagStore;
import io.tagcf.ops.runtime.gateway.JdbcRankingStore;
import io.tagcf.ops.runtime.gateway.JdbcUserRoleStore;
import io.tagcf.ops.runtime.gateway.JdbcVideoStore;
import io.tagcf.store.Database;
import io.temporal.client.WorkflowClient;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP gateway on its own Vert.x instance, with Vert.x metrics in the shared registry, its
 * ports backed by PostgreSQL and Temporal.
 */
public final class GatewayRuntime implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GatewayRuntime.class);

  private final Vertx vertx;
  private final HttpServer server;
  private final HttpServer management;

  private GatewayRuntime(Vertx vertx, HttpServer server, HttpServer management) {
    this.vertx = vertx;
    this.server = server;
    this.management = management;
  }

  public static GatewayRuntime start(
      TagcfConfig config, Database db, WorkflowClient client, PrometheusMeterRegistry registry) {
    Vertx vertx =
        Vertx.builder()
            .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
            .withMetrics(new MicrometerMetricsFactory(registry))
            .build();
    try {
      GatewayDependencies deps = new GatewayDependencies(
          new JdbcVideoStore(db.dataSource(), config.embeddingModel()),
          new JdbcTagStore(db.dataSource(), config.usage().quarantine()),
          new JdbcUserRoleStore(db.dataSource()),
          new JdbcRankingStore(db.dataSource()),
          new JdbcInteractionStore(db.dataSource()),
          new TemporalIngestStarter(client),
          new JdbcEffectStore(db.dataSource()),
          new TemporalSnapshotStarter(client),
          new JdbcExplanationStore(db.dataSource()),
          new TemporalExplanationStarter(client),
          db::isReachable,
          registry,
          access(config, db),
          config.limits().gateway());
      HttpServer server = GatewayServer.start(vertx, deps, config.httpHost(), config.httpPort())
          .await(30, TimeUnit.SECONDS);
      HttpServer management = ManagementServer.start(vertx, deps, config.managementHost(), config.managementPort())
          .await(30, TimeUnit.SECONDS);
      log.info("management (readiness, metrics) on http://{}:{}", config.managementHost(), management.actualPort());
      return new GatewayRuntime(vertx, server, management);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException(
          "cannot start the gateway on " + config.httpHost() + ":" + config.httpPort() + ": " + e.getMessage(), e);
    }
  }

  public int managementPort() {
    return management.actualPort();
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }

  /** Keys required, unless TAGCF_AUTH=off: for local development only, and said loudly. */
  private static AccessControl access(TagcfConfig config, Database db) {
    if (config.access().enabled()) {
      return AccessControl.required(new JdbcKeyStore(db.dataSource(), config.access().hasher()),
          config.access().limits());
    }
    log.warn("TAGCF_AUTH=off: EVERY REQUEST ACTS AS AN ADMIN, WITHOUT A KEY. For local development only;"
        + " never expose this gateway.");
    return AccessControl.off();
  }
}
