package io.tagcf.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.ops.runtime.GatewayRuntime;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.store.Database;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Temporal accepts the gateway's connection but stops answering (a proxy holds every request).
 * An upload is answered 503 within the request timeout, the thread it took is back within the
 * gateway's Temporal deadline (not after the SDK's 10 s per call, retried for a minute), reads
 * keep answering, and uploads are accepted again once Temporal answers. The stack's own worker
 * talks to Temporal directly and is not disturbed.
 */
class UnansweringTemporalTest {

  private static final String ID = "fault-temporal";

  @Test
  void uploadsAnswer503AndFreeTheirThreadWithinTheDeadline() throws Exception {
    FaultStack faults = FaultStack.get();
    URI temporal = URI.create("tcp://" + faults.stack.temporalAddress());
    Duration deadline = faults.config.limits().temporalRpcTimeout();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (TcpFaultProxy proxy = TcpFaultProxy.start(temporal.getHost(), temporal.getPort());
        TemporalConnection connection = TemporalConnection.withDeadline(
            "127.0.0.1:" + proxy.port(), faults.config.temporalNamespace(), registry, deadline);
        Database db = Database.open(faults.config.database(), faults.config.limits().gatewayPool());
        GatewayRuntime gateway = GatewayRuntime.start(faults.config, db, connection.client(), registry)) {
      Api api = new Api(gateway.port(), gateway.managementPort(), faults.adminKey);
      assertThat(api.upload(Catalog.upload(ID, "fault-creator", 1), Duration.ofSeconds(30)).status()).isEqualTo(202);

      proxy.slow(Duration.ofMinutes(10));
      Api.Reply stuck = api.postJson("/v1/videos", Catalog.upload(ID, "fault-creator", 2));
      long heldSince = System.nanoTime();
      assertThat(stuck.status()).as(stuck.body()).isEqualTo(503);
      assertThat(stuck.retryAfter()).isPresent();
      assertThat(stuck.took()).isLessThan(FaultStack.REQUEST_TIMEOUT.plusSeconds(1));
      assertThat(api.get("/v1/videos/" + ID).status()).as("reads use the database lane").isEqualTo(200);

      String drained = "tagcf_gateway_lane_in_flight{lane=\"temporal\"} 0.0";
      while (!api.management("/metrics").body().contains(drained)
          && System.nanoTime() - heldSince < Duration.ofSeconds(30).toNanos()) {
        Thread.sleep(100);
      }
      Duration held = Duration.ofNanos(System.nanoTime() - heldSince).plus(stuck.took());
      System.out.printf("temporal unanswering: upload answered 503 in %d ms, its thread free after %d ms%n",
          stuck.took().toMillis(), held.toMillis());
      assertThat(api.management("/metrics").body()).contains(drained);
      // Each call ends within the deadline and its retries within twice it; a little for scheduling.
      assertThat(held).isLessThan(deadline.multipliedBy(3).plusSeconds(2));

      proxy.restore();
      Api.Reply again = api.upload(Catalog.upload(ID, "fault-creator", 3), Duration.ofSeconds(60));
      assertThat(again.status()).as(again.body()).isEqualTo(202);
    }
  }
}
