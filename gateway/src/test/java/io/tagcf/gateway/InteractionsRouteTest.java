package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.models.interactions.Exposure;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.store.StoreException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /v1/interactions: stored once, all or nothing, and every way a batch is refused. */
class InteractionsRouteTest extends GatewayTest {

  private static final String PATH = "/v1/interactions";

  @BeforeEach
  void knownVideosAndUsers() {
    gateway.interactions.putVideos("v1", "v2");
    gateway.interactions.putUsers("u1", "u2");
  }

  private static JsonObject event(String eventId, String userId, String videoId) {
    return new JsonObject().put("eventId", eventId).put("userId", userId).put("videoId", videoId)
        .put("exposedAt", "2026-11-01T12:00:00Z").put("clicked", true).put("watchRatio", 0.75)
        .put("completed", false).put("liked", true);
  }

  private static JsonObject batch(JsonObject... events) {
    JsonArray list = new JsonArray();
    Stream.of(events).forEach(list::add);
    return new JsonObject().put("events", list);
  }

  private static JsonObject events(int n, Consumer<JsonObject> change) {
    JsonArray events = new JsonArray();
    for (int i = 0; i < n; i++) {
      JsonObject e = event(String.format("e-%05d", i), i % 2 == 0 ? "u1" : "u2", i % 3 == 0 ? "v1" : "v2");
      change.accept(e);
      events.add(e);
    }
    return new JsonObject().put("events", events);
  }

  private Reply post(JsonObject body) {
    return gateway.postJson(PATH, body.encode());
  }

  private static JsonObject recorded(long received, long stored, long duplicates) {
    return new JsonObject().put("received", received).put("stored", stored).put("duplicates", duplicates);
  }

  @Test
  void aBatchIsStoredWithEveryFieldOffTheEventLoop() {
    Reply r = post(batch(event("e1", "u1", "v1").put("exploration", true).put("position", 4),
        event("e2", "u2", "v2").put("exposedAt", "2026-11-01T20:00:00+08:00").put("watchRatio", 1.5)));

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    assertThat(r.json()).isEqualTo(recorded(2, 2, 0));
    assertThat(gateway.interactions.events()).containsOnly(
        Map.entry("e1", new Exposure("e1", "u1", "v1", Instant.parse("2026-11-01T12:00:00Z"), true, 0.75, false, true,
            true, 4)),
        Map.entry("e2", new Exposure("e2", "u2", "v2", Instant.parse("2026-11-01T12:00:00Z"), true, 1.5, false, true,
            false, null)));
    assertOnWorkerThreads("interactions.record");
    assertThat(gateway.metrics.counter("tagcf.interactions", "outcome", "stored").count()).isEqualTo(2.0);
  }

  @Test
  void aBatchPostedAgainStoresNothingNewAndCountsDuplicates() {
    post(batch(event("e1", "u1", "v1"), event("e2", "u1", "v2")));

    Reply again = post(batch(event("e1", "u1", "v1"), event("e2", "u1", "v2"), event("e3", "u2", "v1")));

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json()).isEqualTo(recorded(3, 1, 2));
    assertThat(gateway.interactions.events()).containsOnlyKeys("e1", "e2", "e3");
    assertThat(gateway.metrics.counter("tagcf.interactions", "outcome", "duplicate").count()).isEqualTo(2.0);
  }

  @Test
  void usersOfTheBatchAreRegisteredAndMayBeNamedByItsEvents() {
    JsonObject body = batch(event("e1", "new-user", "v1")).put("users", new JsonArray()
        .add(new JsonObject().put("userId", "new-user").put("ageBand", "18-24").put("cityTier", "tier1")
            .put("gender", "f").put("attributes", new JsonObject().put("role", "student")))
        .add(new JsonObject().put("userId", "u1")));

    Reply r = post(body);

    assertThat(r.json()).isEqualTo(recorded(1, 1, 0));
    assertThat(gateway.interactions.users().get("new-user"))
        .isEqualTo(new UserProfile("new-user", "18-24", "tier1", "f", Map.of("role", "student")));
  }

  @Test
  void aBatchOfUsersAloneRegistersThem() {
    Reply r = post(new JsonObject().put("events", new JsonArray())
        .put("users", new JsonArray().add(new JsonObject().put("userId", "u-3"))));

    assertThat(r.json()).isEqualTo(recorded(0, 0, 0));
    assertThat(gateway.interactions.users()).containsKey("u-3");
  }

  @Test
  void tenThousandEventsFitInOneBatch() {
    Reply r = post(events(10_000, e -> { }));

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(recorded(10_000, 10_000, 0));
  }

  static Stream<Arguments> invalidBatches() {
    return Stream.of(
        Arguments.of("no events", new JsonObject(), "events"),
        Arguments.of("events not a list", new JsonObject().put("events", "e1"), "events"),
        Arguments.of("10,001 events", events(10_001, e -> { }), "events"),
        Arguments.of("missing eventId", batch(without(event("e1", "u1", "v1"), "eventId")), "events.0.eventId"),
        Arguments.of("missing exposedAt", batch(event("e0", "u1", "v1"), without(event("e1", "u1", "v1"), "exposedAt")),
            "events.1.exposedAt"),
        Arguments.of("missing liked", batch(without(event("e1", "u1", "v1"), "liked")), "events.0.liked"),
        Arguments.of("eventId with a space", batch(event("e 1", "u1", "v1")), "events.0.eventId"),
        Arguments.of("eventId too long", batch(event("e".repeat(129), "u1", "v1")), "events.0.eventId"),
        Arguments.of("userId with a slash", batch(event("e1", "u/1", "v1")), "events.0.userId"),
        Arguments.of("clicked as text", batch(event("e1", "u1", "v1").put("clicked", "yes")), "events.0.clicked"),
        Arguments.of("negative watchRatio", batch(event("e1", "u1", "v1").put("watchRatio", -0.1)), "events.0.watchRatio"),
        Arguments.of("watchRatio as text", batch(event("e1", "u1", "v1").put("watchRatio", "0.5")), "events.0.watchRatio"),
        Arguments.of("negative position", batch(event("e1", "u1", "v1").put("position", -1)), "events.0.position"),
        Arguments.of("fractional position", batch(event("e1", "u1", "v1").put("position", 1.5)), "events.0.position"),
        Arguments.of("position past int", batch(event("e1", "u1", "v1").put("position", 2_147_483_648L)),
            "events.0.position"),
        Arguments.of("unknown event field", batch(event("e1", "u1", "v1").put("dwellMs", 5)), "events.0.dwellMs"),
        Arguments.of("unknown body field", batch(event("e1", "u1", "v1")).put("source", "app"), "source"),
        Arguments.of("exposedAt not a date-time", batch(event("e1", "u1", "v1").put("exposedAt", "yesterday")),
            "events.0.exposedAt"),
        Arguments.of("exposedAt before 2000", batch(event("e1", "u1", "v1").put("exposedAt", "1999-12-31T23:59:59Z")),
            "events.0.exposedAt"),
        Arguments.of("exposedAt in the future", batch(event("e1", "u1", "v1").put("exposedAt", "2999-01-01T00:00:00Z")),
            "events.0.exposedAt"),
        Arguments.of("user without userId", batch().put("users", new JsonArray().add(new JsonObject().put("ageBand", "18-24"))),
            "users.0.userId"),
        Arguments.of("attribute that is a number", batch().put("users", new JsonArray().add(new JsonObject()
            .put("userId", "u1").put("attributes", new JsonObject().put("children", 2)))), "users.0.attributes.children"),
        Arguments.of("attribute named like a field", batch().put("users", new JsonArray().add(new JsonObject()
            .put("userId", "u1").put("attributes", new JsonObject().put("age_band", "18-24")))), "users.0.attributes"));
  }

  private static JsonObject without(JsonObject json, String field) {
    json.remove(field);
    return json;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBatches")
  void invalidBatchesNameTheFieldAndStoreNothing(String name, JsonObject body, String field) {
    Reply r = post(body);

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(fields(problem)).as(r.text()).contains(field);
    assertThat(problem.getString("detail")).contains(field);
    assertThat(gateway.interactions.batchSizes()).as("nothing reached the store").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableBodies")
  void aBodyThatIsNoBatchIsNamedAsTheBody(String name, String body) {
    Reply r = gateway.postJson(PATH, body);

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(fields(problem)).as(r.text()).containsExactly("body");
    assertThat(gateway.interactions.batchSizes()).isEmpty();
  }

  static Stream<Arguments> unreadableBodies() {
    return Stream.of(Arguments.of("invalid JSON", "{\"events\": ["), Arguments.of("JSON array", "[1,2,3]"),
        Arguments.of("empty body", ""));
  }

  @Test
  void eachFieldIsNamedOnceWithWhatIsWrongWithIt() {
    Reply r = post(batch(event("e1", "u1", "v1").put("watchRatio", -1).put("liked", 1).put("dwellMs", 5)));

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(problem.getJsonArray("errors")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("field", "events.0.watchRatio").put("message", "-1 is less than 0"))
        .add(new JsonObject().put("field", "events.0.liked").put("message", "Instance type number is invalid. Expected boolean"))
        .add(new JsonObject().put("field", "events.0.dwellMs").put("message", "is not a known field")));
  }

  @Test
  void aNumberTooLargeToBeARatioIsRefused() {
    Reply r = gateway.postJson(PATH, batch(event("e1", "u1", "v1")).encode().replace("0.75", "1e999"));

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(fields(problem)).containsExactly("events.0.watchRatio");
    assertThat(gateway.interactions.batchSizes()).isEmpty();
  }

  @Test
  void repeatedIdsWithinTheBatchAreNamedWithTheirIndexes() {
    Reply r = post(batch(event("e1", "u1", "v1"), event("e2", "u1", "v1"), event("e1", "u2", "v2"),
        event("e1", "u2", "v1")).put("users", new JsonArray().add(new JsonObject().put("userId", "u7"))
        .add(new JsonObject().put("userId", "u7").put("gender", "m"))));

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(problem.getJsonArray("errors")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("field", "users.1.userId").put("message", "repeats userId u7 of users.0"))
        .add(new JsonObject().put("field", "events.2.eventId").put("message", "repeats eventId e1 of events.0"))
        .add(new JsonObject().put("field", "events.3.eventId").put("message", "repeats eventId e1 of events.0")));
    assertThat(gateway.interactions.batchSizes()).isEmpty();
  }

  @Test
  void unknownUsersAndVideosAreNamedAtTheirFirstEventAndCounted() {
    JsonObject body = batch(event("e1", "u1", "v1"), event("e2", "ghost", "v1"), event("e3", "ghost", "v2"));
    for (int i = 0; i < 12; i++) {
      body.getJsonArray("events").add(event("n" + i, "u1", String.format("nv%02d", i)));
    }

    Reply r = post(body);

    JsonObject problem = assertProblem(r, 422, "Unknown reference", PATH);
    assertThat(fields(problem)).containsExactly("events.1.userId", "events.3.videoId", "events.4.videoId",
        "events.5.videoId", "events.6.videoId", "events.7.videoId", "events.8.videoId", "events.9.videoId",
        "events.10.videoId", "events.11.videoId", "events.12.videoId");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("message")).isEqualTo("unknown user ghost");
    assertThat(problem.getString("detail")).isEqualTo("events name 1 unknown user (ghost) and 12 unknown videos"
        + " (the first 10: nv00, nv01, nv02, nv03, nv04, nv05, nv06, nv07, nv08, nv09); register users in the"
        + " batch's users, upload videos first; nothing was stored");
    assertThat(gateway.interactions.events()).isEmpty();
  }

  @Test
  void manyBadEventsAreListedUpToALimitAndCounted() {
    Reply r = post(events(5_000, e -> e.put("exposedAt", "soon")));

    JsonObject problem = assertProblem(r, 400, "Invalid request", PATH);
    assertThat(fields(problem)).hasSize(Problem.LISTED_ERRORS).startsWith("events.0.exposedAt", "events.1.exposedAt")
        .allMatch(f -> f.matches("events\\.[0-9]+\\.exposedAt"));
    assertThat(problem.getString("detail")).endsWith("; and " + (5_000 - Problem.LISTED_ERRORS) + " more");
  }

  @Test
  void aBodyOver8MiBIs413() {
    String padding = "x".repeat(120);
    Reply r = post(events(60_000, e -> e.put("eventId", e.getString("eventId") + padding)));

    JsonObject problem = assertProblem(r, 413, "Payload too large", PATH);
    assertThat(problem.getString("detail")).isEqualTo("the request body exceeds 8 MiB");
    assertThat(gateway.interactions.batchSizes()).isEmpty();
  }

  @Test
  void aBodyThatIsNotJsonIs415() {
    Reply r = gateway.post(PATH, "text/plain", Buffer.buffer(batch(event("e1", "u1", "v1")).encode()));

    assertProblem(r, 415, "Unsupported media type", PATH);
    assertThat(gateway.interactions.batchSizes()).isEmpty();
  }

  @Test
  void aDatabaseFailureIsAnInternalErrorWithAReferenceOnly() {
    gateway.interactions.failWith(new StoreException(new SQLException("connection refused: secret-host:5432")));

    Reply r = post(batch(event("e1", "u1", "v1")));

    JsonObject problem = assertProblem(r, 500, "Internal error", PATH);
    assertThat(r.text()).doesNotContain("secret-host");
  }
}
