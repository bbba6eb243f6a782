package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed request gets the right 4xx as {@code application/problem+json} naming the
 * offending field, and leaves the database exactly as it was.
 */
class MalformedRequestsTest {

  private static DevStack stack;

  @BeforeAll
  static void seed() throws Exception {
    stack = TestStack.get();
    // One stored video, so that "unchanged" also covers updates of an existing row.
    assertThat(Http.postJson("/v1/videos", upload("\"videoId\":\"bad-base\"")).status()).isEqualTo(202);
    stack.temporal().client()
        .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId("bad-base"), Optional.empty(), Optional.empty())
        .getResult(60, TimeUnit.SECONDS, IngestResult.class);
  }

  /** A valid upload body with {@code override} fields placed first (later duplicates lose). */
  private static String upload(String override) {
    String base = "\"videoId\":\"bad-1\",\"creatorId\":\"c-1\",\"title\":\"Street food tour in Chengdu\","
        + "\"description\":\"Spicy noodles and skewers\",\"durationSec\":60";
    if (override.isEmpty()) {
      return "{" + base + "}";
    }
    // Remove the base key that the override replaces, then prepend the override.
    String key = override.substring(1, override.indexOf('"', 1));
    List<String> kept = new ArrayList<>();
    for (String part : base.split(",(?=\")")) {
      if (!part.startsWith("\"" + key + "\"")) {
        kept.add(part);
      }
    }
    return "{" + override + (kept.isEmpty() ? "" : "," + String.join(",", kept)) + "}";
  }

  private static String without(String field) {
    String base = upload("");
    return base.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9.]+),?", "").replace(",}", "}");
  }

  static Stream<Arguments> badUploads() {
    return Stream.of(
        Arguments.of("missing videoId", without("videoId"), 400, "videoId"),
        Arguments.of("missing creatorId", without("creatorId"), 400, "creatorId"),
        Arguments.of("missing title", without("title"), 400, "title"),
        Arguments.of("title is a number", upload("\"title\":42"), 400, "title"),
        Arguments.of("blank title", upload("\"title\":\"   \""), 400, "title"),
        Arguments.of("title too long", upload("\"title\":\"" + "t".repeat(201) + "\""), 400, "title"),
        Arguments.of("videoId with a space", upload("\"videoId\":\"bad id\""), 400, "videoId"),
        Arguments.of("videoId too long", upload("\"videoId\":\"" + "v".repeat(129) + "\""), 400, "videoId"),
        Arguments.of("creatorId with a slash", upload("\"creatorId\":\"a/b\""), 400, "creatorId"),
        Arguments.of("durationSec is text", upload("\"durationSec\":\"60\""), 400, "durationSec"),
        Arguments.of("durationSec zero", upload("\"durationSec\":0"), 400, "durationSec"),
        Arguments.of("durationSec too long", upload("\"durationSec\":36001"), 400, "durationSec"),
        Arguments.of("description too long", upload("\"description\":\"" + "d".repeat(5_001) + "\""), 400, "description"),
        Arguments.of("transcript too long", upload("\"transcript\":\"" + "x".repeat(50_001) + "\""), 400, "transcript"),
        Arguments.of("coverText too long", upload("\"coverText\":\"" + "c".repeat(1_001) + "\""), 400, "coverText"),
        Arguments.of("unknown field", upload("\"views\":1000"), 400, "views"),
        Arguments.of("bad language", upload("\"language\":\"chinese simplified\""), 400, "language"),
        Arguments.of("bad publishedAt", upload("\"publishedAt\":\"yesterday\""), 400, "publishedAt"),
        // PostgreSQL text cannot hold U+0000 (error 22021): it used to reach the database as a 500.
        Arguments.of("NUL in the description", upload("\"description\":\"spicy\\u0000noodles\""), 400, "description"),
        Arguments.of("invalid JSON", "{\"videoId\": \"bad-1\",", 400, "body"),
        Arguments.of("JSON array", "[1,2,3]", 400, "body"),
        Arguments.of("empty body", "", 400, "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUploads")
  void badUploadsAreRejectedAndChangeNothing(String name, String body, int status, String field) {
    String before = DbSnapshot.of(stack.database());
    Http.Reply r = Http.postJson("/v1/videos", body);
    assertProblem(r, status, field);
    assertThat(DbSnapshot.of(stack.database())).as("database after: " + name).isEqualTo(before);
  }

  static Stream<Arguments> otherBadRequests() {
    return Stream.of(
        Arguments.of("unknown video", "GET", "/v1/videos/no-such-video", null, 404, null),
        Arguments.of("invalid video id", "GET", "/v1/videos/bad%20id", null, 400, "videoId"),
        Arguments.of("similar of unknown video", "GET", "/v1/videos/no-such-video/similar", null, 404, null),
        Arguments.of("k zero", "GET", "/v1/videos/bad-base/similar?k=0", null, 400, "k"),
        Arguments.of("k too large", "GET", "/v1/videos/bad-base/similar?k=101", null, 400, "k"),
        Arguments.of("k not a number", "GET", "/v1/videos/bad-base/similar?k=ten", null, 400, "k"),
        Arguments.of("NUL in a search", "GET", "/v1/tags?q=cat%00", null, 400, "q"),
        Arguments.of("unknown route", "GET", "/v1/nothing-here", null, 404, null),
        Arguments.of("wrong method", "DELETE", "/v1/videos/bad-base", null, 405, null),
        Arguments.of("body over 256 KiB", "POST", "/v1/videos", upload("\"transcript\":\"" + "x".repeat(300_000) + "\""), 413, null),
        Arguments.of("not JSON", "POST-TEXT", "/v1/videos", upload(""), 415, null),
        Arguments.of("another creator's video id", "POST", "/v1/videos", "{\"videoId\":\"bad-base\",\"creatorId\":\"intruder\",\"title\":\"mine now\"}", 409, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("otherBadRequests")
  void otherBadRequestsAreProblemsAndChangeNothing(
      String name, String method, String path, String body, int status, String field) throws Exception {
    String before = DbSnapshot.of(stack.database());
    Http.Reply r = switch (method) {
      case "GET" -> Http.get(path);
      case "POST" -> Http.postJson(path, body);
      case "POST-TEXT" -> Http.post(path, "text/plain", body);
      default -> Http.send(method, path);
    };
    assertProblem(r, status, field);
    assertThat(DbSnapshot.of(stack.database())).as("database after: " + name).isEqualTo(before);
  }

  private static void assertProblem(Http.Reply r, int status, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode problem = r.json();
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("type").asText()).startsWith("https://");
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (field != null) {
      List<String> fields = new ArrayList<>();
      problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
      assertThat(fields).as(r.body()).contains(field);
    }
  }
}
