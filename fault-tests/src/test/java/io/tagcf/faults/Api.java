package io.tagcf.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The stack's HTTP API as a client on the loopback interface sees it, with the admin key. */
final class Api {

  /** One answer; status 0 when no answer came (connection refused or reset, client timeout). */
  record Reply(int status, String body, Optional<String> retryAfter, Duration took) {
    JsonNode json() {
      try {
        return new ObjectMapper().readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final int managementPort;
  private final String key;

  Api(int port, int managementPort, String key) {
    this.port = port;
    this.managementPort = managementPort;
    this.key = key;
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(port, path)).GET().header("Authorization", "Bearer " + key));
  }

  Reply management(String path) {
    return send(HttpRequest.newBuilder(uri(managementPort, path)).GET());
  }

  Reply postJson(String path, String json) {
    return send(HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.ofString(json))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + key));
  }

  /**
   * Uploads as a well-behaved ingestion pipeline does: a 503 or a lost connection is repeated
   * after the server's {@code Retry-After} (1 s without one), until {@code patience} runs out.
   * Any other answer is returned as it is.
   */
  Reply upload(String json, Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      Reply r = postJson("/v1/videos", json);
      if ((r.status() != 503 && r.status() != 0) || System.nanoTime() > deadline) {
        return r;
      }
      Thread.sleep(1_000L * r.retryAfter().map(Long::parseLong).orElse(1L));
    }
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static Reply send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      return new Reply(0, e.toString(), Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
