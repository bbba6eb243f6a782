package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.StoreException;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the router answers by itself, and what a failing dependency turns into. */
class FailuresTest extends GatewayTest {

  @Test
  void anUnknownRouteIs404() {
    Reply r = gateway.get("/v1/nothing-here");

    assertThat(assertProblem(r, 404, "Not found", "/v1/nothing-here").getString("detail"))
        .isEqualTo("no resource at /v1/nothing-here");
  }

  @Test
  void aMethodTheRouteDoesNotHaveIs405() {
    Reply r = gateway.send(HttpMethod.DELETE, "/v1/videos/v-1");

    assertThat(assertProblem(r, 405, "Method not allowed", "/v1/videos/v-1").getString("detail"))
        .isEqualTo("DELETE is not allowed on /v1/videos/v-1");
  }

  @Test
  void aFailingDatabaseIs500WithAReferenceAndNoDetails() {
    gateway.videos.put(new StoredVideo(new VideoSubmission("v-1", "c", "t", null, null, null, null, "en", null),
        "h", IngestStage.DONE, "video-ingest/v-1", null, Instant.EPOCH, Instant.EPOCH));
    gateway.videos.failWith(new StoreException(new SQLException("FATAL: password authentication failed")));

    for (String uri : new String[] {"/v1/videos/v-1", "/v1/videos/v-1/similar"}) {
      Reply r = gateway.get(uri);

      JsonObject problem = assertProblem(r, 500, "Internal error", uri);
      assertThat(problem.getString("detail")).matches("unexpected failure; reference [0-9a-f-]{36}");
      assertThat(r.text()).doesNotContain("password");
    }
  }

  @Test
  void anUnreachableDatabaseIs503WithRetryAfterAndNoDetails() {
    gateway.videos.put(new StoredVideo(new VideoSubmission("v-1", "c", "t", null, null, null, null, "en", null),
        "h", IngestStage.DONE, "video-ingest/v-1", null, Instant.EPOCH, Instant.EPOCH));
    for (SQLException down : new SQLException[] {
        new SQLException("Connection to secret-host:5432 refused", "08001"),
        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out")}) {
      gateway.videos.failWith(new StoreException(down));

      Reply r = gateway.get("/v1/videos/v-1");

      JsonObject problem = assertProblem(r, 503, "Service unavailable", "/v1/videos/v-1");
      assertThat(problem.getString("detail")).isEqualTo("the database is unavailable; retry after 5 s");
      assertThat(r.header("Retry-After")).isEqualTo("5");
      assertThat(r.text()).doesNotContain("secret-host").doesNotContain("Hikari");
    }
  }
}
