package io.tagcf.gateway;

import static io.tagcf.gateway.EffectFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.access.AccessRules;
import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authentication and authorization on every route of the contract, over HTTP: no key, a wrong key
 * and a revoked key answer 401; a key whose role a route does not accept answers 403; a creator
 * on another creator's video gets the very answer a missing video gets.
 */
class AccessRoutesTest extends GatewayTest {

  /** One request per operation of the contract; a new operation without one fails the test. */
  private static final Map<String, Call> CALLS = new LinkedHashMap<>();

  private record Call(HttpMethod method, String uri, String body) {}

  static {
    String upload = "{\"videoId\":\"v-new\",\"creatorId\":\"c-1\",\"title\":\"a title\"}";
    CALLS.put("uploadVideo", new Call(HttpMethod.POST, "/v1/videos", upload));
    CALLS.put("getVideo", new Call(HttpMethod.GET, "/v1/videos/v-1", null));
    CALLS.put("similarVideos", new Call(HttpMethod.GET, "/v1/videos/v-1/similar", null));
    CALLS.put("videoAttributions", new Call(HttpMethod.GET, "/v1/videos/v-1/attributions", null));
    CALLS.put("getExplanation", new Call(HttpMethod.GET, "/v1/videos/v-1/explanation", null));
    CALLS.put("refreshExplanation", new Call(HttpMethod.POST, "/v1/videos/v-1/explanation:refresh", null));
    CALLS.put("searchTags", new Call(HttpMethod.GET, "/v1/tags", null));
    CALLS.put("getTag", new Call(HttpMethod.GET, "/v1/tags/7", null));
    CALLS.put("approveTag", new Call(HttpMethod.POST, "/v1/tags/7/approve", null));
    CALLS.put("tagEffects", new Call(HttpMethod.GET, "/v1/tags/7/effects", null));
    CALLS.put("rankEffects", new Call(HttpMethod.GET, "/v1/effects", null));
    CALLS.put("listSnapshots", new Call(HttpMethod.GET, "/v1/snapshots", null));
    CALLS.put("getSnapshot", new Call(HttpMethod.GET, "/v1/snapshots/1", null));
    CALLS.put("startSnapshot", new Call(HttpMethod.POST, "/v1/admin/snapshots", "{}"));
    CALLS.put("snapshotRun", new Call(HttpMethod.GET, "/v1/admin/snapshots/api-1", null));
    CALLS.put("userRoles", new Call(HttpMethod.GET, "/v1/users/u-1/roles", null));
    CALLS.put("rankTagScores", new Call(HttpMethod.POST, "/v1/rank/tag-scores", "{\"userId\":\"u-1\",\"candidates\":[\"v-1\"]}"));
    CALLS.put("recordInteractions", new Call(HttpMethod.POST, "/v1/interactions", "{\"events\":[]}"));
    CALLS.put("creatorVideos", new Call(HttpMethod.GET, "/v1/creator/videos", null));
    CALLS.put("creatorInsights", new Call(HttpMethod.GET, "/v1/creator/insights", null));
    CALLS.put("health", new Call(HttpMethod.GET, "/healthz", null));
    CALLS.put("openapi", new Call(HttpMethod.GET, "/openapi.yaml", null));
  }

  private static final Set<String> VIDEO_ROUTES =
      Set.of("getVideo", "similarVideos", "videoAttributions", "getExplanation", "refreshExplanation");

  private AccessRules rules;

  @BeforeEach
  void videos() throws Exception {
    gateway.videos.put(video("v-1", "c-1"));
    gateway.videos.put(video("v-2", "c-2"));
    gateway.effects.put(published(1));
    rules = AccessRules.from(ContractLoader.document(Buffer.buffer(
        Files.readString(Path.of("src/main/resources", GatewayServer.CONTRACT)))));
  }

  @Test
  void everyOperationOfTheContractIsCoveredHere() throws Exception {
    JsonObject document = ContractLoader.document(Buffer.buffer(
        Files.readString(Path.of("src/main/resources", GatewayServer.CONTRACT))));
    Set<String> operations = new HashSet<>();
    JsonObject paths = document.getJsonObject("paths");
    paths.fieldNames().forEach(p -> paths.getJsonObject(p).forEach(m -> operations.add(
        ((JsonObject) m.getValue()).getString("operationId"))));
    assertThat(CALLS.keySet()).containsExactlyInAnyOrderElementsOf(operations);
  }

  @Test
  void withoutAValidKeyEverySecuredRouteAnswers401AndOpenOnesStayOpen() {
    for (String token : new String[] {null, "not-a-key", "tcf_000000000000_wrong", FakeKeyStore.ADMIN + "x"}) {
      gateway.presenting(token);
      CALLS.forEach((operation, call) -> {
        Reply r = send(call);
        if (rules.rolesOf(operation).isEmpty()) {
          assertThat(r.status()).as(operation + " is open").isNotIn(401, 403);
        } else {
          assertThat(r.status()).as(operation + " with key " + token).isEqualTo(401);
          assertThat(r.headers().get("WWW-Authenticate")).isEqualTo("Bearer realm=\"tagcf\"");
          assertThat(r.json().getString("title")).isEqualTo("Unauthorized");
        }
      });
    }
  }

  @Test
  void aRevokedKeyIsRefused() throws Exception {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(gateway.get("/v1/videos/v-1").status()).isEqualTo(200);
    gateway.keys.revoke(FakeKeyStore.CREATOR_1);
    // The gateway remembers a key's answer for a few seconds; a revocation takes effect after that.
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = gateway.get("/v1/videos/v-1").status();
    }
    assertThat(status).isEqualTo(401);
  }

  @Test
  void eachRoleReachesExactlyTheRoutesTheContractGivesIt() {
    for (AccessRole role : AccessRole.values()) {
      gateway.presenting(switch (role) {
        case CREATOR -> FakeKeyStore.CREATOR_1;
        case SERVICE -> FakeKeyStore.SERVICE;
        case ADMIN -> FakeKeyStore.ADMIN;
      });
      CALLS.forEach((operation, call) -> {
        Optional<Set<AccessRole>> roles = rules.rolesOf(operation);
        Reply r = send(call);
        if (roles.isPresent() && !roles.get().contains(role)) {
          assertThat(r.status()).as(role + " on " + operation).isEqualTo(403);
          assertThat(r.json().getString("detail")).contains("a " + role.wireName() + " key may not use this route");
        } else {
          assertThat(r.status()).as(role + " on " + operation).isNotIn(401, 403);
        }
      });
    }
    // Operators' and services' routes: not a creator's.
    assertThat(rules.rolesOf("startSnapshot")).contains(Set.of(AccessRole.ADMIN));
    assertThat(rules.rolesOf("approveTag")).contains(Set.of(AccessRole.ADMIN));
    assertThat(rules.rolesOf("userRoles")).contains(Set.of(AccessRole.SERVICE, AccessRole.ADMIN));
    assertThat(rules.rolesOf("getExplanation")).contains(Set.of(AccessRole.values()));
    assertThat(rules.rolesOf("creatorInsights")).contains(Set.of(AccessRole.CREATOR));
  }

  @Test
  void anotherCreatorsVideoAnswersExactlyAsAMissingOneOnEveryVideoRoute() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    for (String operation : VIDEO_ROUTES) {
      Call own = CALLS.get(operation);
      Reply theirs = send(new Call(own.method(), own.uri().replace("v-1", "v-2"), own.body()));
      Reply missing = send(new Call(own.method(), own.uri().replace("v-1", "v-9"), own.body()));
      assertThat(theirs.status()).as(operation).isEqualTo(404);
      assertThat(theirs.text().replace("v-2", "ID")).as(operation).isEqualTo(missing.text().replace("v-9", "ID"));
      assertThat(send(own).status()).as(operation + " on the creator's own video").isNotEqualTo(404);
    }
    // The video's owner and the services see it.
    gateway.presenting(FakeKeyStore.CREATOR_2);
    assertThat(gateway.get("/v1/videos/v-2").status()).isEqualTo(200);
    gateway.presenting(FakeKeyStore.SERVICE);
    assertThat(gateway.get("/v1/videos/v-2").status()).isEqualTo(200);
  }

  @Test
  void anUploadNamingAnotherCreatorCannotChangeTheirVideo() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    StoredVideo before = gateway.videos.stored("v-2").orElseThrow();

    Reply naming = gateway.postJson("/v1/videos", "{\"videoId\":\"v-2\",\"creatorId\":\"c-2\",\"title\":\"mine now\"}");
    assertThat(naming.status()).isEqualTo(400);
    assertThat(fields(naming.json())).containsExactly("creatorId");
    Reply taking = gateway.postJson("/v1/videos", "{\"videoId\":\"v-2\",\"title\":\"mine now\"}");
    assertThat(taking.status()).isEqualTo(409);

    assertThat(gateway.videos.stored("v-2")).contains(before);
    assertThat(gateway.ingest.requests()).isEmpty();
  }

  @Test
  void aCreatorsUploadBelongsToTheKeysCreatorAndAServiceMustNameOne() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(gateway.postJson("/v1/videos", "{\"videoId\":\"v-new\",\"title\":\"a title\"}").status()).isEqualTo(202);
    assertThat(gateway.videos.stored("v-new").orElseThrow().video().creatorId()).isEqualTo("c-1");

    gateway.presenting(FakeKeyStore.SERVICE);
    Reply unnamed = gateway.postJson("/v1/videos", "{\"videoId\":\"v-other\",\"title\":\"a title\"}");
    assertThat(unnamed.status()).isEqualTo(400);
    assertThat(fields(unnamed.json())).containsExactly("creatorId");
  }

  private Reply send(Call call) {
    return call.body() == null ? gateway.send(call.method(), call.uri())
        : gateway.post(call.uri(), "application/json", Buffer.buffer(call.body()));
  }

  private static StoredVideo video(String id, String creator) {
    return new StoredVideo(new VideoSubmission(id, creator, "a video", null, null, null, 30.0, "en", null),
        "h", IngestStage.DONE, "video-ingest/" + id, null, Instant.EPOCH, Instant.EPOCH);
  }
}
