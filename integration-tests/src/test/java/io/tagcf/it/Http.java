package io.tagcf.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls for the tests, so that what is tested is exactly what goes over the wire. */
final class Http {

  record Reply(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  static Reply post(String path, String contentType, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.build());
  }

  static Reply postJson(String path, String body) {
    return post(path, "application/json", body);
  }

  static Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  static Reply send(String method, String path) {
    return send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build());
  }

  /** GET on the stack's management port (readiness, metrics): no key. */
  static Reply management(String path) {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + TestStack.get().managementPort() + path))
        .timeout(Duration.ofSeconds(30)).GET().build(), null);
  }

  /** A JSON POST presenting {@code key} instead of the admin key. */
  static Reply postJsonAs(String key, String path, String body) {
    return send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), key);
  }

  /** GET presenting {@code key} (null: none) instead of the admin key. */
  static Reply getAs(String key, String path) {
    return send(HttpRequest.newBuilder(URI.create(TestStack.baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET()
        .build(), key);
  }

  /** Sends {@code request} with the test stack's admin key, as test requests go unless they say otherwise. */
  private static Reply send(HttpRequest request) {
    return send(request, TestStack.adminKey());
  }

  private static Reply send(HttpRequest request, String key) {
    HttpRequest withKey = key == null ? request : HttpRequest.newBuilder(request, (name, value) -> true)
        .header("Authorization", "Bearer " + key).build();
    try {
      HttpResponse<String> r = CLIENT.send(withKey, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (Exception e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
