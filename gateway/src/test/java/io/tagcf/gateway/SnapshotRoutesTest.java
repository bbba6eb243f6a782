package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.failed;
import static io.tagcf.gateway.EffectFixtures.published;
import static io.tagcf.gateway.EffectFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.effects.SnapshotRun;
import io.tagcf.gateway.fakes.FakeSnapshotStarter.Start;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /v1/snapshots, /v1/snapshots/{id}, POST /v1/admin/snapshots and GET /v1/admin/snapshots/{run}. */
class SnapshotRoutesTest extends GatewayTest {

  private static final String RUN_NAME = "api-[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}";

  @Test
  void theListIsNewestFirstOfEveryStatusWithProgress() {
    gateway.effects.put(published(1));
    gateway.effects.put(failed(2, "no exposures in the window"));
    gateway.effects.put(running(3, 1, 4));

    Reply r = gateway.get("/v1/snapshots");

    assertThat(r.status()).isEqualTo(200);
    assertThat(gateway.effects.listLimits()).as("the contract's default").containsExactly(20);
    JsonArray items = r.json().getJsonArray("items");
    assertThat(items.stream().map(s -> ((JsonObject) s).getLong("snapshotId"))).containsExactly(3L, 2L, 1L);
    assertThat(items.getJsonObject(0).getString("status")).isEqualTo("running");
    assertThat(items.getJsonObject(0).getJsonObject("progress"))
        .isEqualTo(new JsonObject().put("shardsDone", 1).put("shardsTotal", 4));
    assertThat(items.getJsonObject(0).getValue("publishedAt")).isNull();
    assertThat(items.getJsonObject(1).getString("error")).isEqualTo("no exposures in the window");
    assertThat(items.getJsonObject(2)).isEqualTo(publishedJson(1));
    assertOnWorkerThreads("effects.snapshots");
  }

  @Test
  void theListTakesALimit() {
    gateway.effects.put(published(1));
    gateway.effects.put(published(2));

    Reply r = gateway.get("/v1/snapshots?limit=1");

    assertThat(gateway.effects.listLimits()).containsExactly(1);
    assertThat(r.json().getJsonArray("items")).hasSize(1);
    assertThat(fields(assertProblem(gateway.get("/v1/snapshots?limit=0"), 400, "Invalid request", "/v1/snapshots")))
        .containsExactly("limit");
    assertThat(fields(assertProblem(gateway.get("/v1/snapshots?limit=101"), 400, "Invalid request", "/v1/snapshots")))
        .containsExactly("limit");
  }

  @Test
  void oneSnapshotOfAnyStatus() {
    gateway.effects.put(published(1));
    gateway.effects.put(running(2, 0, 8));

    assertThat(gateway.get("/v1/snapshots/1").json()).isEqualTo(publishedJson(1));
    Reply r = gateway.get("/v1/snapshots/2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getString("status")).isEqualTo("running");
    assertThat(r.json().getValue("cellsEstimated")).isNull();
    assertOnWorkerThreads("effects.snapshot");
  }

  @Test
  void anUnknownSnapshotIs404AndANonNumericOne400() {
    assertThat(assertProblem(gateway.get("/v1/snapshots/9"), 404, "Not found", "/v1/snapshots/9")
        .getString("detail")).isEqualTo("no snapshot 9");
    assertThat(fields(assertProblem(gateway.get("/v1/snapshots/latest"), 400, "Invalid request",
        "/v1/snapshots/latest"))).containsExactly("snapshotId");
    assertThat(fields(assertProblem(gateway.get("/v1/snapshots/0"), 400, "Invalid request", "/v1/snapshots/0")))
        .containsExactly("snapshotId");
  }

  @Test
  void anEmptyRequestStartsARunWithTheDefaults() {
    Reply r = gateway.postJson("/v1/admin/snapshots", "{}");

    assertThat(r.status()).as(r.text()).isEqualTo(202);
    List<Start> starts = gateway.snapshots.starts();
    assertThat(starts).hasSize(1);
    assertThat(starts.get(0).request()).isEqualTo(EffectRequest.defaults());
    String workflowId = starts.get(0).workflowId();
    assertThat(workflowId).matches("effects/snapshot/" + RUN_NAME);
    String name = workflowId.substring("effects/snapshot/".length());
    assertThat(r.header("Location")).isEqualTo("/v1/admin/snapshots/" + name);
    assertThat(r.json()).isEqualTo(new JsonObject()
        .put("workflowId", workflowId)
        .put("run", name)
        .put("status", "/v1/admin/snapshots/" + name)
        .put("request", new JsonObject().put("windowDays", 30).putNull("windowEnd").put("segments", "age_band")
            .put("shards", 8)));
    assertOnWorkerThreads("snapshots.start");
  }

  @Test
  void everyFieldOfTheRequestIsPassedOn() {
    Reply r = gateway.postJson("/v1/admin/snapshots",
        "{\"windowDays\":7,\"windowEnd\":\"2026-10-03T08:00:00+08:00\",\"segments\":\"age_band,city_tier\",\"shards\":3}");

    assertThat(r.status()).as(r.text()).isEqualTo(202);
    EffectRequest request = gateway.snapshots.starts().get(0).request();
    assertThat(request).isEqualTo(new EffectRequest(Instant.parse("2026-10-03T00:00:00Z"), 7, "age_band,city_tier", 3,
        EffectRequest.defaults().settings()));
    assertThat(r.json().getJsonObject("request").getString("windowEnd")).isEqualTo("2026-10-03T00:00:00Z");
  }

  @Test
  void twoRunsGetTwoNames() {
    gateway.postJson("/v1/admin/snapshots", "{}");
    gateway.postJson("/v1/admin/snapshots", "{}");

    assertThat(gateway.snapshots.starts()).extracting(Start::workflowId).doesNotHaveDuplicates().hasSize(2);
  }

  @Test
  void anInvalidRequestIs400NamingEachFieldAndStartsNothing() {
    assertThat(fields(assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"segments\":\"age_band,shoe_size\"}"),
        400, "Invalid request", "/v1/admin/snapshots"))).containsExactly("segments");
    assertThat(fields(assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"windowDays\":0}"),
        400, "Invalid request", "/v1/admin/snapshots"))).containsExactly("windowDays");
    assertThat(fields(assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"shards\":257}"),
        400, "Invalid request", "/v1/admin/snapshots"))).containsExactly("shards");
    assertThat(fields(assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"windowEnd\":\"yesterday\"}"),
        400, "Invalid request", "/v1/admin/snapshots"))).containsExactly("windowEnd");
    assertThat(fields(assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"tags\":[1]}"),
        400, "Invalid request", "/v1/admin/snapshots"))).containsExactly("tags");
    assertThat(gateway.snapshots.starts()).isEmpty();
  }

  @Test
  void aSegmentSchemeTheContractAcceptsButTheRequestRulesRefuseNamesSegments() {
    JsonObject problem = assertProblem(gateway.postJson("/v1/admin/snapshots", "{\"segments\":\"gender,gender\"}"),
        400, "Invalid request", "/v1/admin/snapshots");

    assertThat(problem.getJsonArray("errors").getJsonObject(0)).isEqualTo(
        new JsonObject().put("field", "segments").put("message", "'gender' is named twice"));
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    assertProblem(gateway.post("/v1/admin/snapshots", "text/plain", Buffer.buffer("run")), 415,
        "Unsupported media type", "/v1/admin/snapshots");
    assertThat(gateway.snapshots.starts()).isEmpty();
  }

  @Test
  void anUnreachableOrchestratorIs503() {
    gateway.snapshots.setReachable(false);

    JsonObject problem = assertProblem(gateway.postJson("/v1/admin/snapshots", "{}"), 503, "Service unavailable",
        "/v1/admin/snapshots");
    assertThat(problem.getString("detail")).isEqualTo("the snapshot run could not be started; repeat the request");
    assertProblem(gateway.get("/v1/admin/snapshots/api-x"), 503, "Service unavailable", "/v1/admin/snapshots/api-x");
  }

  @Test
  void aRunningRunShowsItsProgress() {
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/api-a", SnapshotRun.State.RUNNING,
        new EffectProgress(12L, "estimating", 3, 8, null), null));

    Reply r = gateway.get("/v1/admin/snapshots/api-a");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject()
        .put("workflowId", "effects/snapshot/api-a")
        .put("run", "api-a")
        .put("state", "running")
        .put("phase", "estimating")
        .put("snapshotId", 12)
        .put("shardsDone", 3)
        .put("shardsTotal", 8)
        .putNull("cellsEstimated")
        .putNull("cellsInsufficient")
        .putNull("error")
        .put("snapshot", "/v1/snapshots/12"));
    assertOnWorkerThreads("snapshots.run");
  }

  @Test
  void aRunStillPreparingOrUnansweredHasNoSnapshotYet() {
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/api-p", SnapshotRun.State.RUNNING,
        EffectProgress.preparing(), null));
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/api-q", SnapshotRun.State.RUNNING, null, null));

    JsonObject preparing = gateway.get("/v1/admin/snapshots/api-p").json();
    assertThat(preparing.getString("phase")).isEqualTo("preparing");
    assertThat(preparing.getValue("snapshotId")).isNull();
    assertThat(preparing.getValue("shardsTotal")).isNull();
    assertThat(preparing.getValue("snapshot")).isNull();
    JsonObject unanswered = gateway.get("/v1/admin/snapshots/api-q").json();
    assertThat(unanswered.getString("state")).isEqualTo("running");
    assertThat(unanswered.getValue("phase")).isNull();
  }

  @Test
  void aCompletedRunShowsItsResult() {
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/scheduled-2026-10-01T00:00:00Z",
        SnapshotRun.State.COMPLETED, null, new SnapshotResult(4, "published", 300, 60, null)));
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/api-f", SnapshotRun.State.COMPLETED, null,
        new SnapshotResult(5, "failed", 0, 0, "no exposures in the window")));

    JsonObject done = gateway.get("/v1/admin/snapshots/scheduled-2026-10-01T00:00:00Z").json();
    assertThat(done.getString("phase")).isEqualTo("published");
    assertThat(done.getInteger("cellsEstimated")).isEqualTo(300);
    assertThat(done.getInteger("cellsInsufficient")).isEqualTo(60);
    assertThat(done.getString("snapshot")).isEqualTo("/v1/snapshots/4");
    JsonObject failedRun = gateway.get("/v1/admin/snapshots/api-f").json();
    assertThat(failedRun.getString("state")).isEqualTo("completed");
    assertThat(failedRun.getString("phase")).isEqualTo("failed");
    assertThat(failedRun.getString("error")).isEqualTo("no exposures in the window");
    assertThat(failedRun.getValue("cellsEstimated")).isNull();
  }

  @Test
  void aTerminatedRunFailed() {
    gateway.snapshots.put(new SnapshotRun("effects/snapshot/api-t", SnapshotRun.State.TIMED_OUT, null, null));

    JsonObject run = gateway.get("/v1/admin/snapshots/api-t").json();

    assertThat(run.getString("state")).isEqualTo("timed_out");
    assertThat(run.getString("phase")).isEqualTo("failed");
    assertThat(run.getString("error")).isEqualTo("the workflow timed out");
  }

  @Test
  void anUnknownRunIs404AndAMalformedName400() {
    assertThat(assertProblem(gateway.get("/v1/admin/snapshots/api-nope"), 404, "Not found",
        "/v1/admin/snapshots/api-nope").getString("detail")).isEqualTo("no snapshot run effects/snapshot/api-nope");
    assertThat(fields(assertProblem(gateway.get("/v1/admin/snapshots/a%20b"), 400, "Invalid request",
        "/v1/admin/snapshots/a%20b"))).containsExactly("run");
  }

  /** {@link EffectFixtures#published} as the API shows it. */
  static JsonObject publishedJson(long id) {
    return new JsonObject()
        .put("snapshotId", id)
        .put("status", "published")
        .put("windowStart", "2026-09-01T00:00:00Z")
        .put("windowEnd", "2026-10-01T00:00:00Z")
        .put("segmentScheme", "age_band")
        .put("segments", new JsonArray().add("18-24").add("25-34"))
        .put("tagSource", "item cover set v3")
        .put("tags", 40)
        .put("videos", 1200)
        .put("exposures", 250_000)
        .put("progress", new JsonObject().put("shardsDone", 4).put("shardsTotal", 4))
        .put("cellsEstimated", 300)
        .put("cellsInsufficient", 60)
        .putNull("error")
        .put("startedAt", "2026-10-01T02:00:00Z")
        .put("publishedAt", "2026-10-01T02:03:30Z");
  }
}
