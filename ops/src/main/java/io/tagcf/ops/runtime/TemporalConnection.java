package io.tagcf.ops.runtime;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;

/**
 * A client connection to a Temporal frontend, reporting SDK metrics into our registry. The
 * gateway's connection has a short deadline ({@link #withDeadline}): a request must not wait on
 * an unreachable Temporal for the SDK's defaults (10 s per call, retried for up to a minute).
 */
public final class TemporalConnection implements AutoCloseable {

  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final Scope metricsScope;

  /** A connection with the SDK's default deadlines, for workers. */
  public TemporalConnection(String address, String namespace, MeterRegistry registry) {
    this(address, namespace, registry, null);
  }

  /**
   * A connection whose calls (other than long polls and queries) each end within {@code deadline},
   * and whose retries of one call end within twice that.
   */
  public static TemporalConnection withDeadline(
      String address, String namespace, MeterRegistry registry, Duration deadline) {
    return new TemporalConnection(address, namespace, registry, deadline);
  }

  private TemporalConnection(String address, String namespace, MeterRegistry registry, Duration deadline) {
    this.metricsScope =
        new RootScopeBuilder()
            .reporter(new MicrometerClientStatsReporter(registry))
            .reportEvery(com.uber.m3.util.Duration.ofSeconds(5));
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setTarget(address).setMetricsScope(metricsScope);
    if (deadline != null) {
      options.setRpcTimeout(deadline)
          .setRpcRetryOptions(RpcRetryOptions.newBuilder().setExpiration(deadline.multipliedBy(2)).build());
    }
    this.stubs = WorkflowServiceStubs.newConnectedServiceStubs(options.build(), Duration.ofSeconds(10));
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
