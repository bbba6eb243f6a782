package io.tagcf.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.runtime.MaintenanceStarter;
import io.tagcf.ops.runtime.TemporalConnection;
import io.tagcf.ops.runtime.WorkerRuntime;
import io.tagcf.store.Database;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tagcf worker}: one worker process against TEMPORAL_ADDRESS and DATABASE_URL. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description = {
      "Run a worker that polls the ingest, tagging, LLM and maintenance queues.",
      "Connects to TEMPORAL_ADDRESS (default 127.0.0.1:7233) and DATABASE_URL. Ctrl-C stops."
    })
final class WorkerCommand implements Callable<Integer> {

  @Override
  public Integer call() throws InterruptedException {
    TagcfConfig config = TagcfConfig.fromEnvironment();
    String address = config.temporalAddress().orElse("127.0.0.1:" + TagcfConfig.DEFAULT_TEMPORAL_PORT);
    Database db = Database.open(config.database(), config.limits().workerPool());
    TemporalConnection temporal =
        new TemporalConnection(address, config.temporalNamespace(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    WorkerRuntime worker = WorkerRuntime.start(config, db, temporal.client());
    MaintenanceStarter.ensureRunning(temporal.client(), config.maintenance());
    System.out.println("TagCF worker connected to Temporal at " + address + " (Ctrl-C to stop)");
    Shutdown.awaitSignal(() -> {
      worker.close();
      temporal.close();
      db.close();
    });
    return 0;
  }
}
