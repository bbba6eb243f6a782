package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST /v1/interactions through the real gateway into the real PostgreSQL: a batch is stored
 * once, posting it again stores nothing new, and a refused batch stores nothing at all.
 */
class InteractionsIntegrationTest {

  private static DevStack stack;

  @BeforeAll
  static void anIngestedVideo() throws Exception {
    stack = TestStack.get();
    assertThat(Http.postJson("/v1/videos", "{\"videoId\":\"ix-v1\",\"creatorId\":\"c-1\",\"title\":\"Street food\"}")
        .status()).isEqualTo(202);
    // Ingested before the tests compare snapshots of the database, which its ingest changes.
    stack.temporal().client()
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId("ix-v1"), Optional.empty(), Optional.empty())
        .getResult(60, TimeUnit.SECONDS, IngestResult.class);
  }

  private static String event(String eventId, String userId, String videoId, String exposedAt) {
    return "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + userId + "\",\"videoId\":\"" + videoId
        + "\",\"exposedAt\":\"" + exposedAt + "\",\"clicked\":true,\"watchRatio\":0.5,\"completed\":false,"
        + "\"liked\":false,\"position\":2}";
  }

  private static String batch(String... events) {
    return "{\"events\":[" + String.join(",", events) + "]}";
  }

  private static String withUsers(String batch, String users) {
    return batch.substring(0, batch.length() - 1) + ",\"users\":[" + users + "]}";
  }

  @Test
  void aBatchIsStoredOnceAndPostingItAgainStoresNothingNew() throws Exception {
    String body = withUsers(batch(event("ix-a1", "ix-u1", "ix-v1", "2026-05-31T23:00:00Z"),
            event("ix-a2", "ix-u1", "ix-v1", "2026-06-01T01:00:00+08:00"),
            event("ix-a3", "ix-u2", "ix-v1", "2026-06-02T00:00:00Z")),
        "{\"userId\":\"ix-u1\",\"ageBand\":\"25-34\",\"attributes\":{\"role\":\"parent\"}},{\"userId\":\"ix-u2\"}");

    Http.Reply first = Http.postJson("/v1/interactions", body);
    String stored = DbSnapshot.of(stack.database());
    Http.Reply again = Http.postJson("/v1/interactions", body);

    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().toString()).isEqualTo("{\"received\":3,\"stored\":3,\"duplicates\":0}");
    assertThat(again.json().toString()).isEqualTo("{\"received\":3,\"stored\":0,\"duplicates\":3}");
    assertThat(DbSnapshot.of(stack.database())).as("nothing changed by the second post").isEqualTo(stored);
    assertThat(text("SELECT string_agg(event_id || '@' || exposed_at AT TIME ZONE 'UTC' || '#' || position, ','"
        + " ORDER BY event_id) FROM exposures WHERE event_id LIKE ?", "ix-a%"))
        .isEqualTo("ix-a1@2026-05-31 23:00:00#2,ix-a2@2026-05-31 17:00:00#2,ix-a3@2026-06-02 00:00:00#2");
    assertThat(text("SELECT age_band || '/' || (attributes->>'role') FROM users WHERE user_id = ?", "ix-u1"))
        .isEqualTo("25-34/parent");
  }

  static Stream<Arguments> refusedBatches() {
    String ok = event("ix-b1", "ix-u9", "ix-v1", "2026-06-03T00:00:00Z");
    String newUser = "{\"userId\":\"ix-u9\",\"gender\":\"f\"}";
    String big = IntStream.range(0, 10_001)
        .mapToObj(i -> event("ix-big-" + i, "ix-u9", "ix-v1", "2026-06-03T00:00:00Z")).collect(Collectors.joining(","));
    String huge = IntStream.range(0, 45_000)
        .mapToObj(i -> event("ix-huge-" + i + "-" + "x".repeat(100), "ix-u9", "ix-v1", "2026-06-03T00:00:00Z"))
        .collect(Collectors.joining(","));
    return Stream.of(
        Arguments.of("unknown video", withUsers(batch(ok, event("ix-b2", "ix-u9", "no-such-video", "2026-06-03T00:00:00Z")),
            newUser), 422, "events.1.videoId"),
        Arguments.of("unknown user", batch(event("ix-b1", "ix-nobody", "ix-v1", "2026-06-03T00:00:00Z")), 422,
            "events.0.userId"),
        Arguments.of("an id twice", withUsers(batch(ok, ok), newUser), 400, "events.1.eventId"),
        Arguments.of("clicked as text", withUsers(batch(ok.replace("\"clicked\":true", "\"clicked\":\"yes\"")), newUser),
            400, "events.0.clicked"),
        Arguments.of("missing watchRatio", withUsers(batch(ok.replace("\"watchRatio\":0.5,", "")), newUser), 400,
            "events.0.watchRatio"),
        Arguments.of("exposedAt not a date", withUsers(batch(ok.replace("2026-06-03T00:00:00Z", "3 Nov")), newUser), 400,
            "events.0.exposedAt"),
        Arguments.of("10,001 events", withUsers("{\"events\":[" + big + "]}", newUser), 400, "events"),
        Arguments.of("a body over 8 MiB", withUsers("{\"events\":[" + huge + "]}", newUser), 413, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBatches")
  void aRefusedBatchNamesTheProblemAndStoresNothing(String name, String body, int status, String field) {
    String before = DbSnapshot.of(stack.database());

    Http.Reply r = Http.postJson("/v1/interactions", body);

    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      assertThat(fields).as(r.body()).contains(field);
    } else {
      assertThat(problem.path("detail").asText()).isEqualTo("the request body exceeds 8 MiB");
    }
    assertThat(DbSnapshot.of(stack.database())).as("database after: " + name).isEqualTo(before);
  }

  private static String text(String sql, String arg) throws Exception {
    try (Connection c = stack.database().dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
