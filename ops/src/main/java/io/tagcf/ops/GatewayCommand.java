package io.tagcf.ops;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.GatewayRuntime;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tagcf gateway}: the HTTP API alone, against TEMPORAL_ADDRESS and DATABASE_URL. */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the HTTP API.",
      "Connects to TEMPORAL_ADDRESS (default 127.0.0.1:7233) and DATABASE_URL. Ctrl-C stops."
    })
final class GatewayCommand implements Callable<Integer> {

  @Mixin HttpPortOption httpPort;

  @Override
  public Integer call() throws InterruptedException {
    TagcfConfig config = httpPort.applyTo(TagcfConfig.fromEnvironment());
    String address = config.temporalAddress().orElse("127.0.0.1:" + TagcfConfig.DEFAULT_TEMPORAL_PORT);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    Database db = Database.open(config.database(), config.limits().gatewayPool());
    TemporalConnection temporal = TemporalConnection.withDeadline(
        address, config.temporalNamespace(), registry, config.limits().temporalRpcTimeout());
    GatewayRuntime gateway = GatewayRuntime.start(config, db, temporal.client(), registry);
    System.out.printf("TagCF gateway on http://%s:%d (Ctrl-C to stop)%n", config.httpHost(), gateway.port());
    Shutdown.awaitSignal(() -> {
      gateway.close();
      temporal.close();
      db.close();
    });
    return 0;
  }
}
