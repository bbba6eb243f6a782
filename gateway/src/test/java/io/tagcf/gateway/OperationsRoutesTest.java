package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** /healthz and /openapi.yaml on the API; /healthz, /readyz and /metrics on the management port. */
class OperationsRoutesTest extends GatewayTest {

  @Test
  void healthSaysUpWithoutAskingAnyDependency() {
    gateway.database.setReachable(false);
    gateway.ingest.setReachable(false);

    Reply r = gateway.get("/healthz");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.json()).isEqualTo(new JsonObject().put("status", "UP"));
    assertThat(gateway.threads.of("database.isReachable")).isEmpty();
  }

  @Test
  void readyWhenDatabaseAndTemporalAnswer() {
    Reply r = gateway.management("/readyz");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().getString("outcome")).isEqualTo("UP");
    assertThat(checks(r)).containsExactlyInAnyOrderEntriesOf(Map.of("database", "UP", "temporal", "UP"));
    assertOnWorkerThreads("database.isReachable");
    assertOnWorkerThreads("ingest.isReachable");
  }

  @Test
  void notReadyNamesTheDependencyThatIsDown() {
    gateway.database.setReachable(false);

    Reply r = gateway.management("/readyz");

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().getString("outcome")).isEqualTo("DOWN");
    assertThat(checks(r)).containsExactlyInAnyOrderEntriesOf(Map.of("database", "DOWN", "temporal", "UP"));
  }

  @Test
  void notReadyWhenTemporalIsDown() {
    gateway.ingest.setReachable(false);

    Reply r = gateway.management("/readyz");

    assertThat(r.status()).isEqualTo(503);
    assertThat(checks(r)).containsExactlyInAnyOrderEntriesOf(Map.of("database", "UP", "temporal", "DOWN"));
  }

  @Test
  void metricsArePrometheusTextWithTheUploadCounter() {
    gateway.metrics.counter("tagcf.uploads", "outcome", "created").increment(3);

    Reply r = gateway.management("/metrics");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
    assertThat(r.text()).contains("tagcf_uploads_total{outcome=\"created\"} 3.0");
  }

  @Test
  void theContractIsServedAsWritten() throws Exception {
    Reply r = gateway.get("/openapi.yaml");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/yaml");
    String written = new String(
        getClass().getClassLoader().getResourceAsStream(GatewayServer.CONTRACT).readAllBytes(), StandardCharsets.UTF_8);
    assertThat(r.text()).isEqualTo(written).contains("application/problem+json");
  }

  private static Map<String, String> checks(Reply r) {
    JsonArray checks = r.json().getJsonArray("checks");
    return checks.stream().map(JsonObject.class::cast)
        .collect(Collectors.toMap(c -> c.getString("id"), c -> c.getString("status")));
  }

  @Test
  void readinessAndMetricsAreOnlyOnTheManagementPort() {
    assertThat(gateway.get("/readyz").status()).isEqualTo(404);
    assertThat(gateway.get("/metrics").status()).isEqualTo(404);
    assertThat(gateway.management("/healthz").json()).isEqualTo(new JsonObject().put("status", "UP"));
  }

  @Test
  void theCreatorPageLoadsWithoutAKeyAndOnlyFromTheGateway() {
    Reply page = gateway.presenting(null).get("/creator/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("<script src=\"app.js\"></script>").doesNotContain("http://", "https://");
    assertThat(page.headers().get("Content-Security-Policy")).startsWith("default-src 'self'");
    Reply script = gateway.get("/creator/app.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.text()).doesNotContain("innerHTML").doesNotContain("localStorage");
  }
}
