package io.tagcf.gateway.health;

import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

/** /readyz: PostgreSQL and Temporal must both answer; each probe runs on a worker thread. */
public final class ReadinessChecks {

  private ReadinessChecks() {}

  public static HealthChecks create(Vertx vertx, ReachabilityProbe database, ReachabilityProbe temporal) {
    HealthChecks checks = HealthChecks.create(vertx);
    register(vertx, checks, "database", database);
    register(vertx, checks, "temporal", temporal);
    return checks;
  }

  private static void register(Vertx vertx, HealthChecks checks, String name, ReachabilityProbe probe) {
    checks.register(
        name,
        5_000,
        promise ->
            vertx
                .executeBlocking(probe::isReachable, false)
                .onComplete(
                    r -> promise.complete(r.succeeded() && r.result() ? Status.OK() : Status.KO())));
  }
}
