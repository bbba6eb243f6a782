package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.video.ContentFingerprint;
import io.tagcf.models.video.IngestStage;
import io.tagcf.store.StoreException;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /v1/videos: every upload decision, and every way an upload is refused. */
class UploadVideoTest extends GatewayTest {

  private static final String UPLOAD =
      "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"Street food tour in Chengdu\","
          + "\"description\":\"Spicy noodles and skewers\",\"durationSec\":60}";

  private static final JsonObject ACCEPTED = new JsonObject()
      .put("videoId", "v-1")
      .put("workflowId", "video-ingest/v-1")
      .put("status", "/v1/videos/v-1");

  @Test
  void firstUploadIsStoredAndStartsTheIngestOffTheEventLoop() {
    Reply r = gateway.postJson("/v1/videos", UPLOAD);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.header("Location")).isEqualTo("/v1/videos/v-1");
    assertThat(r.json()).isEqualTo(ACCEPTED.copy().put("ingest", "started"));
    StoredVideo stored = gateway.videos.stored("v-1").orElseThrow();
    assertThat(stored.stage()).isEqualTo(IngestStage.QUEUED);
    assertThat(stored.workflowId()).isEqualTo("video-ingest/v-1");
    assertThat(stored.video().title()).isEqualTo("Street food tour in Chengdu");
    assertThat(stored.video().durationSec()).isEqualTo(60.0);
    assertThat(stored.video().language()).as("detected from the text").isEqualTo("en");
    assertThat(stored.contentHash()).isEqualTo(ContentFingerprint.of(stored.video()));
    assertThat(gateway.ingest.requests()).containsExactly("v-1@" + stored.contentHash());
    assertOnWorkerThreads("videos.recordUpload");
    assertOnWorkerThreads("ingest.requestIngest");
    assertThat(uploads("created")).isEqualTo(1.0);
  }

  @Test
  void changedContentRestartsTheIngest() {
    gateway.postJson("/v1/videos", UPLOAD);
    String first = gateway.videos.stored("v-1").orElseThrow().contentHash();

    Reply r = gateway.postJson("/v1/videos", UPLOAD.replace("Chengdu", "Chongqing"));

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json()).isEqualTo(ACCEPTED.copy().put("ingest", "restarted"));
    String second = gateway.videos.stored("v-1").orElseThrow().contentHash();
    assertThat(second).isNotEqualTo(first);
    assertThat(gateway.ingest.requests()).containsExactly("v-1@" + first, "v-1@" + second);
    assertThat(uploads("changed")).isEqualTo(1.0);
  }

  @Test
  void sameContentAfterAFailedRunIsRequeued() {
    gateway.postJson("/v1/videos", UPLOAD);
    gateway.videos.setStage("v-1", IngestStage.FAILED);

    Reply r = gateway.postJson("/v1/videos", UPLOAD);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json()).isEqualTo(ACCEPTED.copy().put("ingest", "restarted"));
    assertThat(gateway.videos.stored("v-1").orElseThrow().stage()).isEqualTo(IngestStage.QUEUED);
    assertThat(gateway.ingest.requests()).hasSize(2).containsOnly(gateway.ingest.requests().get(0));
    assertThat(uploads("requeued")).isEqualTo(1.0);
  }

  @Test
  void sameContentStillBeingIngestedResumesTheRun() {
    gateway.postJson("/v1/videos", UPLOAD);
    gateway.videos.setStage("v-1", IngestStage.TAGGING);

    Reply r = gateway.postJson("/v1/videos", UPLOAD);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.json()).isEqualTo(ACCEPTED.copy().put("ingest", "running"));
    assertThat(gateway.videos.stored("v-1").orElseThrow().stage()).isEqualTo(IngestStage.TAGGING);
    assertThat(gateway.ingest.requests()).hasSize(2);
    assertThat(uploads("resumed")).isEqualTo(1.0);
  }

  @Test
  void sameContentAlreadyIngestedChangesNothing() {
    gateway.postJson("/v1/videos", UPLOAD);
    gateway.videos.setStage("v-1", IngestStage.DONE);

    Reply r = gateway.postJson("/v1/videos", UPLOAD);

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.header("Location")).isEqualTo("/v1/videos/v-1");
    assertThat(r.json()).isEqualTo(ACCEPTED.copy().put("ingest", "unchanged"));
    assertThat(gateway.videos.stored("v-1").orElseThrow().stage()).isEqualTo(IngestStage.DONE);
    assertThat(gateway.ingest.requests()).as("no second run").hasSize(1);
    assertThat(uploads("unchanged")).isEqualTo(1.0);
  }

  @Test
  void anotherCreatorsVideoIdIsAConflict() {
    gateway.postJson("/v1/videos", UPLOAD);

    Reply r = gateway.postJson("/v1/videos", "{\"videoId\":\"v-1\",\"creatorId\":\"intruder\",\"title\":\"mine now\"}");

    JsonObject problem = assertProblem(r, 409, "Conflict", "/v1/videos");
    assertThat(problem.getString("detail")).isEqualTo("videoId v-1 belongs to another creator");
    assertThat(r.header("Location")).isNull();
    assertThat(gateway.videos.stored("v-1").orElseThrow().video().creatorId()).isEqualTo("c-1");
    assertThat(gateway.ingest.requests()).hasSize(1);
    assertThat(uploads("changed")).isZero();
  }

  @Test
  void anUnreachableOrchestratorIs503AndRepeatingTheUploadResumes() {
    gateway.ingest.setReachable(false);

    Reply refused = gateway.postJson("/v1/videos", UPLOAD);

    JsonObject problem = assertProblem(refused, 503, "Service unavailable", "/v1/videos");
    assertThat(problem.getString("detail"))
        .isEqualTo("the video was stored but its ingest could not be started; repeat the upload");
    assertThat(refused.header("Location")).isNull();
    assertThat(gateway.videos.stored("v-1")).isPresent();
    assertThat(gateway.ingest.requests()).isEmpty();
    assertThat(uploads("created")).as("counted once the ingest is requested").isZero();

    gateway.ingest.setReachable(true);
    Reply repeated = gateway.postJson("/v1/videos", UPLOAD);

    assertThat(repeated.status()).isEqualTo(202);
    assertThat(repeated.json().getString("ingest")).isEqualTo("running");
    assertThat(gateway.ingest.requests()).hasSize(1);
  }

  static Stream<Arguments> invalidUploads() {
    return Stream.of(
        Arguments.of("missing videoId", "{\"creatorId\":\"c-1\",\"title\":\"t\"}", "videoId"),
        Arguments.of("missing title", "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\"}", "title"),
        Arguments.of("title is a number", "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":42}", "title"),
        Arguments.of("blank title", "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"   \"}", "title"),
        Arguments.of("videoId with a space", "{\"videoId\":\"v 1\",\"creatorId\":\"c-1\",\"title\":\"t\"}", "videoId"),
        Arguments.of("durationSec zero",
            "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"t\",\"durationSec\":0}", "durationSec"),
        Arguments.of("unknown field", "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"t\",\"views\":1}", "views"),
        Arguments.of("bad language",
            "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"t\",\"language\":\"chinese\"}", "language"),
        Arguments.of("bad publishedAt",
            "{\"videoId\":\"v-1\",\"creatorId\":\"c-1\",\"title\":\"t\",\"publishedAt\":\"yesterday\"}", "publishedAt"),
        Arguments.of("invalid JSON", "{\"videoId\": \"v-1\",", "body"),
        Arguments.of("JSON array", "[1,2,3]", "body"),
        Arguments.of("empty body", "", "body"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUploads")
  void invalidUploadsName(String name, String body, String field) {
    Reply r = gateway.postJson("/v1/videos", body);

    JsonObject problem = assertProblem(r, 400, "Invalid request", "/v1/videos");
    assertThat(fields(problem)).as(r.text()).contains(field);
    assertThat(problem.getString("detail")).contains(field);
    assertThat(gateway.threads.of("videos.recordUpload")).as("nothing stored").isEmpty();
    assertThat(gateway.ingest.requests()).isEmpty();
  }

  @Test
  void aBodyOver256KiBIs413() {
    String big = UPLOAD.replace("\"durationSec\":60", "\"transcript\":\"" + "x".repeat(300_000) + "\"");

    Reply r = gateway.postJson("/v1/videos", big);

    JsonObject problem = assertProblem(r, 413, "Payload too large", "/v1/videos");
    assertThat(problem.getString("detail")).isEqualTo("the request body exceeds 256 KiB");
    assertThat(gateway.threads.of("videos.recordUpload")).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Reply text = gateway.post("/v1/videos", "text/plain", Buffer.buffer(UPLOAD));
    Reply none = gateway.post("/v1/videos", null, Buffer.buffer(UPLOAD));

    for (Reply r : List.of(text, none)) {
      JsonObject problem = assertProblem(r, 415, "Unsupported media type", "/v1/videos");
      assertThat(problem.getString("detail")).isEqualTo("send the body as application/json");
    }
    assertThat(gateway.threads.of("videos.recordUpload")).isEmpty();
  }

  @Test
  void jsonWithACharsetIsAccepted() {
    Reply r = gateway.post("/v1/videos", "application/json; charset=utf-8", Buffer.buffer(UPLOAD));

    assertThat(r.status()).isEqualTo(202);
  }

  @Test
  void aDatabaseFailureIsAnInternalErrorWithAReferenceOnly() {
    gateway.videos.failWith(new StoreException(new SQLException("connection refused: secret-host:5432")));

    Reply r = gateway.postJson("/v1/videos", UPLOAD);

    JsonObject problem = assertProblem(r, 500, "Internal error", "/v1/videos");
    assertThat(problem.getString("detail")).matches("unexpected failure; reference [0-9a-f-]{36}");
    assertThat(r.text()).doesNotContain("secret-host");
  }

  private double uploads(String outcome) {
    return gateway.metrics.counter("tagcf.uploads", "outcome", outcome).count();
  }
}
