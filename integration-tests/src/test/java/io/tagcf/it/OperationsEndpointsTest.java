package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, readiness, metrics and the contract, as operators and clients read them. */
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
    Http.Reply ready = Http.get("/readyz");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body()).contains("\"database\"").contains("\"temporal\"");
  }

  @Test
  void metricsIncludeHttpJvmTemporalAndUploads() {
    Http.postJson("/v1/videos", "{\"videoId\":\"ops-metrics\",\"creatorId\":\"c\",\"title\":\"metrics probe\"}");
    Http.Reply metrics = Http.get("/metrics");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.contentType()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("vertx_http_server_requests_total")
        .contains("jvm_memory_used_bytes")
        .contains("temporal_")
        .contains("tagcf_uploads_total");
  }

  @Test
  void theContractIsServedAsWritten() {
    Http.Reply contract = Http.get("/openapi.yaml");
    assertThat(contract.status()).isEqualTo(200);
    assertThat(contract.contentType()).startsWith("application/yaml");
    assertThat(contract.body()).startsWith("openapi: 3.1.0").contains("application/problem+json").contains("operationId: uploadVideo");
  }
}
