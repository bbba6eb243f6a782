package io.tagcf.ops.config;

import io.tagcf.gateway.GatewayLimits;
import io.tagcf.store.PoolSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How much work each part may take on and how long it may wait: the gateway's and the workers'
 * own connection pools (never one shared pool: a busy worker must not starve reads), the
 * gateway's lanes and request timeout, and the deadline of the gateway's calls to Temporal.
 * Every variable is in the README's settings table and docs/OPERATIONS.md.
 *
 * @param gatewayPool the gateway's connections: few, short waits, a statement limit of seconds
 * @param workerPool the workers' connections ({@code TAGCF_DB_POOL_SIZE}): long statements allowed
 * @param gateway the gateway's lanes and timeouts
 * @param temporalRpcTimeout the gateway's deadline per call to Temporal; retries of one call end
 *     within twice that
 */
public record LimitSettings(
    PoolSettings gatewayPool, PoolSettings workerPool, GatewayLimits gateway, Duration temporalRpcTimeout) {

  static LimitSettings from(Map<String, String> env, int workerPoolSize) {
    EnvReader r = new EnvReader(env);
    GatewayLimits d = GatewayLimits.defaults();
    int gatewayConnections = r.positiveInt("TAGCF_GATEWAY_DB_POOL_SIZE", d.databaseThreads());
    int waitMillis = r.positiveInt("TAGCF_GATEWAY_DB_WAIT_MS", 2_000);
    if (waitMillis < 250) {
      // HikariCP's own floor.
      throw new ConfigException("TAGCF_GATEWAY_DB_WAIT_MS must be at least 250, got " + waitMillis);
    }
    try {
      return new LimitSettings(
          new PoolSettings("gateway", gatewayConnections,
              Duration.ofMillis(waitMillis),
              Duration.ofMillis(r.positiveInt("TAGCF_GATEWAY_STATEMENT_TIMEOUT_MS", 5_000)),
              Duration.ofSeconds(r.positiveInt("TAGCF_GATEWAY_DB_SOCKET_TIMEOUT_SECONDS", 30))),
          new PoolSettings("worker", workerPoolSize,
              Duration.ofSeconds(30),
              Duration.ofSeconds(r.positiveInt("TAGCF_WORKER_STATEMENT_TIMEOUT_SECONDS", 1_800)),
              Duration.ZERO),
          new GatewayLimits(gatewayConnections,
              r.positiveInt("TAGCF_GATEWAY_DB_QUEUE", d.databaseWaiting()),
              r.positiveInt("TAGCF_GATEWAY_TEMPORAL_THREADS", d.temporalThreads()),
              r.positiveInt("TAGCF_GATEWAY_TEMPORAL_QUEUE", d.temporalWaiting()),
              Duration.ofMillis(r.positiveInt("TAGCF_HTTP_REQUEST_TIMEOUT_MS", (int) d.requestTimeout().toMillis())),
              Duration.ofSeconds(r.positiveInt("TAGCF_HTTP_IDLE_TIMEOUT_SECONDS", (int) d.idleTimeout().toSeconds()))),
          Duration.ofMillis(r.positiveInt("TAGCF_TEMPORAL_RPC_TIMEOUT_MS", 2_000)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
