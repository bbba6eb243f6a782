package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health and the contract on the API port; readiness and metrics on the management port. */
class OperationsEndpointsTest {

  @BeforeAll
  static void start() {
    TestStack.get();
  }

  @Test
  void healthAndReadinessReportTheirChecks() {
    Http.Reply health = Http.get("/healthz");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    Http.Reply ready = Http.management("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("\"temporal\"");
  }

  @Test
  void metricsIncludeHttpJvmTemporalAndUploads() {
    Http.postJson("/v1/videos", "{\"videoId\":\"ops-metrics\",\"creatorId\":\"c\",\"title\":\"metrics probe\"}");
    Http.Reply metrics = Http.management("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("vertx_http_server_requests_total")
        .contains("jvm_memory_used_bytes")
        .contains("temporal_")
        .contains("tagcf_uploads_total");
  }

  @Test
  void readinessAndMetricsAreNotOnTheApiPort() {
    assertThat(Http.get("/readyz").status()).isEqualTo(404);
    assertThat(Http.get("/metrics").status()).isEqualTo(404);
  }

  @Test
  void theContractIsServedAsWritten() {
    Http.Reply contract = Http.get("/openapi.yaml");
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.contentType()).startsWith("application/yaml");
    assertThat(contract.body()).startsWith("openapi: 3.1.0").contains("application/problem+json").contains("operationId: uploadVideo");
  }
}
