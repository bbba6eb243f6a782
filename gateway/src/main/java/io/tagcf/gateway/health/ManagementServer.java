package io.tagcf.gateway.health;

import io.tagcf.gateway.GatewayDependencies;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.DependencyLane;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * The management port: liveness, readiness and Prometheus metrics, for the platform's operators
 * and probes. Apart from the API so that it can stay on the loopback interface (or a private
 * network) without keys, and so that a flood on the API cannot starve the probes' answers.
 */
public final class ManagementServer {

  private ManagementServer() {}

  /** Listens on {@code host:port}; port 0 picks a free port. */
  public static Future<HttpServer> start(Vertx vertx, GatewayDependencies deps, String host, int port) {
    Router router = Router.router(vertx);
    // Its own threads: probes and scrapes must answer while the API's lanes are full.
    DependencyLane lane = new DependencyLane(vertx, "management", 2, 16);
    BlockingReplies blocking = new BlockingReplies(lane);
    router.get("/healthz").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("status", "UP").encode()));
    router.get("/readyz").handler(HealthCheckHandler.createWithHealthChecks(
        ReadinessChecks.create(vertx, lane, deps.database(), deps.ingest()::isReachable)));
    router.get("/metrics").handler(ctx -> blocking.run(ctx, () -> deps.metrics().scrape())
        .onSuccess(text -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(text)));
    return vertx.createHttpServer().requestHandler(router).listen(port, host);
  }
}
