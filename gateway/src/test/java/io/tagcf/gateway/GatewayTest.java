package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh gateway with empty in-memory ports for every test. */
abstract class GatewayTest {

  protected GatewayHarness gateway;

  @BeforeEach
  void startGateway() throws Exception {
    gateway = GatewayHarness.start();
  }

  @AfterEach
  void stopGateway() throws Exception {
    gateway.close();
  }

  /** Asserts an RFC 9457 problem document and returns it for further checks. */
  static JsonObject assertProblem(Reply r, int status, String title, String instance) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    assertThat(r.contentType()).isEqualTo("application/problem+json");
    JsonObject problem = r.json();
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isEqualTo(title);
    assertThat(problem.getString("type"))
        .isEqualTo("https://tagcf.dev/problems/" + title.toLowerCase(Locale.ROOT).replace(' ', '-'));
    assertThat(problem.getString("instance")).isEqualTo(instance);
    assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  /** The fields the problem's {@code errors} name, in order. */
  static List<String> fields(JsonObject problem) {
    return problem.getJsonArray("errors", new JsonArray()).stream()
        .map(JsonObject.class::cast).map(e -> e.getString("field")).toList();
  }

  /**
   * Asserts that every call of {@code call} ran on a worker thread of one of the gateway's lanes
   * (named {@code tagcf-<lane>}), and that there was one.
   */
  void assertOnWorkerThreads(String call) {
    assertThat(gateway.threads.of(call)).isNotEmpty().allSatisfy(
        thread -> assertThat(thread).startsWith("tagcf-"));
  }
}
