package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.gateway.fakes.FakeKeyStore;
import io.tagcf.gateway.fakes.InMemoryTagStore.Approval;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quarantined candidate tags in the tag API: listed and shown to admins only, flagged
 * {@code quarantined}; POST /v1/tags/{tagId}/approve releases one. Every reply is checked against
 * the contract by the harness.
 */
class TagQuarantineRoutesTest extends GatewayTest {

  private static final TagSummary NOODLES =
      new TagSummary(2, TagKind.ITEM, "noodles", "noodles", "面条", "food", false, false, 55, false, null);
  private static final TagSummary POISON =
      new TagSummary(3, TagKind.ITEM, "cheap-pills", "cheap pills", null, null, true, true, 90, false, null);
  private static final TagSummary RELEASED =
      new TagSummary(4, TagKind.ITEM, "wok-hei", "wok hei", null, null, true, false, 7, false, null);

  @BeforeEach
  void vocabulary() {
    List.of(NOODLES, POISON, RELEASED).forEach(gateway.tags::put);
  }

  @Test
  void creatorsAndServicesSeeNoQuarantinedTagAdminsSeeItFlagged() {
    for (String key : List.of(FakeKeyStore.CREATOR_1, FakeKeyStore.SERVICE)) {
      gateway.presenting(key);
      assertThat(slugs(gateway.get("/v1/tags"))).as(key).containsExactly("noodles", "wok-hei");
      assertThat(assertProblem(gateway.get("/v1/tags/3"), 404, "Not found", "/v1/tags/3").getString("detail"))
          .as("as a missing tag").isEqualTo("no tag with id 3");
      assertThat(gateway.get("/v1/tags/4").json().getBoolean("quarantined")).isFalse();
    }
    gateway.presenting(FakeKeyStore.ADMIN);
    Reply admin = gateway.get("/v1/tags");
    assertThat(slugs(admin)).containsExactly("cheap-pills", "noodles", "wok-hei");
    assertThat(admin.json().getJsonArray("items").getJsonObject(0).getBoolean("quarantined")).isTrue();
    assertThat(gateway.get("/v1/tags/3").json().getBoolean("quarantined")).isTrue();
  }

  @Test
  void anAdminsRememberedPageIsNeverServedToACreator() {
    gateway.presenting(FakeKeyStore.ADMIN);
    assertThat(slugs(gateway.get("/v1/tags?size=5"))).contains("cheap-pills");
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(slugs(gateway.get("/v1/tags?size=5"))).doesNotContain("cheap-pills");
    assertThat(gateway.tags.searches()).extracting(s -> s.withQuarantined()).containsExactly(true, false);
  }

  @Test
  void theEffectsOfAQuarantinedTagAre404ToCreators() {
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(assertProblem(gateway.get("/v1/tags/3/effects"), 404, "Not found", "/v1/tags/3/effects")
        .getString("detail")).isEqualTo("no tag with id 3");
  }

  @Test
  void anAdminApprovesAQuarantinedTagWhichEveryoneSeesAfter() {
    Reply r = gateway.send(HttpMethod.POST, "/v1/tags/3/approve");

    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().getLong("tagId")).isEqualTo(3);
    assertThat(r.json().getBoolean("quarantined")).isFalse();
    assertThat(r.json().getBoolean("candidate")).isTrue();
    assertThat(gateway.tags.approvals()).containsExactly(new Approval(3, "00000000000a"));
    assertOnWorkerThreads("tags.approve");
    gateway.presenting(FakeKeyStore.CREATOR_1);
    assertThat(gateway.get("/v1/tags/3").status()).isEqualTo(200);
  }

  @Test
  void aCreatorOrServiceKeyMayNotApprove() {
    for (String key : List.of(FakeKeyStore.CREATOR_1, FakeKeyStore.SERVICE)) {
      gateway.presenting(key);
      assertProblem(gateway.send(HttpMethod.POST, "/v1/tags/3/approve"), 403, "Forbidden", "/v1/tags/3/approve");
    }
    assertThat(gateway.tags.approvals()).isEmpty();
  }

  @Test
  void approvingAnUnknownTagIs404() {
    assertThat(assertProblem(gateway.send(HttpMethod.POST, "/v1/tags/99/approve"), 404, "Not found",
        "/v1/tags/99/approve").getString("detail")).isEqualTo("no tag with id 99");
  }

  @Test
  void approvingAVocabularyOrReleasedTagIs409() {
    assertThat(assertProblem(gateway.send(HttpMethod.POST, "/v1/tags/2/approve"), 409, "Conflict",
        "/v1/tags/2/approve").getString("detail")).contains("vocabulary tag");
    assertThat(assertProblem(gateway.send(HttpMethod.POST, "/v1/tags/4/approve"), 409, "Conflict",
        "/v1/tags/4/approve").getString("detail")).contains("released already");
  }

  @Test
  void aTagIdThatIsNoNumberIs400NamingIt() {
    assertThat(fields(assertProblem(gateway.send(HttpMethod.POST, "/v1/tags/abc/approve"), 400, "Invalid request",
        "/v1/tags/abc/approve"))).containsExactly("tagId");
  }

  private static List<String> slugs(Reply r) {
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    return r.json().getJsonArray("items").stream().map(t -> ((JsonObject) t).getString("slug")).toList();
  }
}
