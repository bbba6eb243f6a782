package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A small client of TagCF's HTTP API, used by the demo and the ingest benchmark. */
public final class ApiClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final String authorization;

  /** @param key the API key every request presents */
  public ApiClient(String baseUrl, String key) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Bearer " + key;
  }

  /** What the API answered to an upload: the status and, on 202, the {@code ingest} field. */
  public record UploadReply(int status, String ingest) {}

  /** POST /v1/videos; fails on transport errors only. */
  public CompletableFuture<UploadReply> upload(ObjectNode body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/v1/videos"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
      String ingest = null;
      if (r.statusCode() == 202) {
        try {
          ingest = JSON.readTree(r.body()).path("ingest").asText(null);
        } catch (IOException e) {
          ingest = null;
        }
      }
      return new UploadReply(r.statusCode(), ingest);
    });
  }

  /** An answer's status and JSON body. */
  public record Answer(int status, JsonNode body) {}

  /** POST without a body (an action such as {@code :refresh}). */
  public Answer post(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** GET, whatever the status. */
  public Answer fetch(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization).GET().build());
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public JsonNode get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                  .header("Authorization", authorization).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
      }
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
