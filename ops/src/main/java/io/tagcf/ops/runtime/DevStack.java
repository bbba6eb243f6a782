package io.tagcf.ops.runtime;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.devserver.TemporalDevServer;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.store.Database;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything in one process: the embedded Temporal server (unless {@code TEMPORAL_ADDRESS} names a
 * real one), a worker and the gateway, sharing one metrics registry. The worker and the gateway
 * each have their own database pool and Temporal connection, as they do in separate processes:
 * the worker's activity slots outnumber any pool, and its load must not take the gateway's
 * connections nor its calls wait behind the worker's.
 */
public final class DevStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevStack.class);

  private final Optional<TemporalDevServer> devServer;
  private final String temporalAddress;
  private final Database database;
  private final Database gatewayDatabase;
  private final TemporalConnection temporal;
  private final TemporalConnection gatewayTemporal;
  private final WorkerRuntime worker;
  private final GatewayRuntime gateway;
  private final PrometheusMeterRegistry registry;

  private DevStack(
      Optional<TemporalDevServer> devServer, Database database, Database gatewayDatabase,
      TemporalConnection temporal, TemporalConnection gatewayTemporal,
      WorkerRuntime worker, GatewayRuntime gateway, PrometheusMeterRegistry registry, String temporalAddress) {
    this.devServer = devServer;
    this.temporalAddress = temporalAddress;
    this.database = database;
    this.gatewayDatabase = gatewayDatabase;
    this.temporal = temporal;
    this.gatewayTemporal = gatewayTemporal;
    this.worker = worker;
    this.gateway = gateway;
    this.registry = registry;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public static DevStack start(TagcfConfig config) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Optional<TemporalDevServer> devServer = Optional.empty();
    Database db = null;
    Database gatewayDb = null;
    TemporalConnection temporal = null;
    TemporalConnection gatewayTemporal = null;
    WorkerRuntime worker = null;
    try {
      String address;
      if (config.temporalAddress().isPresent()) {
        address = config.temporalAddress().get();
      } else {
        devServer = Optional.of(TemporalDevServer.start(config.devTemporalPort()));
        address = devServer.get().address();
        log.info("embedded Temporal dev server on {} (loopback only)", address);
      }
      db = Database.open(config.database(), config.limits().workerPool());
      temporal = new TemporalConnection(address, config.temporalNamespace(), registry);
      worker = WorkerRuntime.start(config, db, temporal.client());
      MaintenanceStarter.ensureRunning(temporal.client(), config.maintenance());
      gatewayDb = Database.open(config.database(), config.limits().gatewayPool());
      gatewayTemporal = TemporalConnection.withDeadline(
          address, config.temporalNamespace(), registry, config.limits().temporalRpcTimeout());
      GatewayRuntime gateway = GatewayRuntime.start(config, gatewayDb, gatewayTemporal.client(), registry);
      log.info("gateway on http://{}:{}", config.httpHost(), gateway.port());
      return new DevStack(devServer, db, gatewayDb, temporal, gatewayTemporal, worker, gateway, registry, address);
    } catch (RuntimeException e) {
      closeQuietly(worker);
      closeQuietly(gatewayTemporal);
      closeQuietly(temporal);
      closeQuietly(gatewayDb);
      closeQuietly(db);
      devServer.ifPresent(DevStack::closeQuietly);
      throw e;
    }
  }

  public int httpPort() {
    return gateway.port();
  }

  /** Where readiness and metrics are served. */
  public int managementPort() {
    return gateway.managementPort();
  }

  /** host:port of the Temporal frontend the stack uses. */
  public String temporalAddress() {
    return temporalAddress;
  }

  public Database database() {
    return database;
  }

  public TemporalConnection temporal() {
    return temporal;
  }

  @Override
  public void close() {
    closeQuietly(gateway);
    closeQuietly(worker);
    closeQuietly(gatewayTemporal);
    closeQuietly(temporal);
    closeQuietly(gatewayDatabase);
    closeQuietly(database);
    devServer.ifPresent(DevStack::closeQuietly);
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      log.warn("error while stopping {}: {}", c.getClass().getSimpleName(), e.getMessage());
    }
  }
}
