package io.tagcf.ops.runtime;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/** A client connection to a Temporal frontend, reporting SDK metrics into our registry. */
public final class TemporalConnection implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final Scope metricsScope;

  public TemporalConnection(String address, String namespace, MeterRegistry registry) {
    this.metricsScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(5));
    this.stubs =
        WorkflowServiceStubs.newConnectedServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget(address)
                .setMetricsScope(metricsScope)
                .build(),
            Duration.ofSeconds(10));
    this.client =
        WorkflowClient.newInstance(
            stubs, WorkflowClientOptions.newBuilder().setNamespace(namespace).build());
  }

  public WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    stubs.shutdown();
    stubs.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    try {
      metricsScope.close();
    } catch (com.uber.m3.tally.ScopeCloseException e) {
      // metrics are best effort at shutdown
    }
  }
}
