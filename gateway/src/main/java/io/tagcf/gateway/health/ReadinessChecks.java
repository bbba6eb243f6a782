package io.tagcf.gateway.health;

import io.tagcf.gateway.http.DependencyLane;
import io.vertx.core.Vertx;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;

/** /readyz: PostgreSQL and Temporal must both answer; each probe runs on the management lane. */
public final class ReadinessChecks {

  private ReadinessChecks() {}

  public static HealthChecks create(
      Vertx vertx, DependencyLane lane, ReachabilityProbe database, ReachabilityProbe temporal) {
    HealthChecks checks = HealthChecks.create(vertx);
    register(lane, checks, "database", database);
    register(lane, checks, "temporal", temporal);
    return checks;
  }

  private static void register(DependencyLane lane, HealthChecks checks, String name, ReachabilityProbe probe) {
    checks.register(
        name,
        5_000,
        promise ->
            lane
                .execute(probe::isReachable)
                .onComplete(
                    r -> promise.complete(r.succeeded() && r.result() ? Status.OK() : Status.KO())));
  }
}
