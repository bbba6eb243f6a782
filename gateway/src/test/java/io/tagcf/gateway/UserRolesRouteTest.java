package io.tagcf.gateway;

import static io.tagcf.models.logic.LogicDirection.I2U;
import static io.tagcf.models.logic.LogicDirection.U2I;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/users/{userId}/roles. */
class UserRolesRouteTest extends GatewayTest {

  private static final Instant COMPUTED = Instant.parse("2026-10-03T06:00:00Z");

  private static LogicEdge edge(long source, long target, LogicDirection direction, double weight) {
    return new LogicEdge(source, target, direction, weight, 0, 0);
  }

  private static TagSummary audience(long id, String en, String zh) {
    return new TagSummary(id, TagKind.AUDIENCE, "a-" + id, en, zh, null, false, false, 0, false, null);
  }

  /**
   * T(0) = {1: .7, 2: .3}. U2I: w_10 = .5 + .3 = .8, w_12 = .4, w_11 = .01 (below δ = .02).
   * I2U from C(1) = {10, 12}: w_4 = .8 * .4 + .4 * .5 = .52, w_1 = .8 * .6 = .48, w_6 = .4 * .25 = .1;
   * 11 → 5 is not followed. Total 1.1.
   */
  @BeforeEach
  void rolesAndGraph() {
    gateway.userRoles.putRoles("u-1", List.of(
        new UserRole(1, "a-1", "home cooks", "家庭厨师", 0.7, 1, COMPUTED),
        new UserRole(2, "a-2", "students", null, 0.3, 2, COMPUTED)));
    gateway.userRoles.addEdges(List.of(
        edge(1, 10, U2I, 0.5), edge(2, 10, U2I, 0.3), edge(2, 12, U2I, 0.4), edge(1, 11, U2I, 0.01),
        edge(10, 1, I2U, 0.6), edge(10, 4, I2U, 0.4), edge(12, 4, I2U, 0.5), edge(12, 6, I2U, 0.25),
        edge(11, 5, I2U, 1.0)));
    List.of(audience(1, "home cooks", "家庭厨师"), audience(2, "students", null),
        audience(4, "night owls", "夜猫子"), audience(5, "gamers", "玩家"), audience(6, "parents", "父母"))
        .forEach(gateway.userRoles::putTag);
  }

  @Test
  void rolesAndTheirExpansionWithLabelsReadOnce() {
    Reply r = gateway.get("/v1/users/u-1/roles");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("application/json");
    JsonObject body = r.json();
    assertThat(body.getString("userId")).isEqualTo("u-1");
    assertThat(body.getString("computedAt")).isEqualTo("2026-10-03T06:00:00Z");
    assertThat(body.getJsonArray("roles")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("tagId", 1).put("labelEn", "home cooks").put("labelZh", "家庭厨师")
            .put("probability", 0.7).put("rank", 1))
        .add(new JsonObject().put("tagId", 2).put("labelEn", "students").putNull("labelZh")
            .put("probability", 0.3).put("rank", 2)));
    JsonArray expanded = body.getJsonArray("expandedRoles");
    assertThat(expanded.stream().map(e -> ((JsonObject) e).getLong("tagId"))).containsExactly(4L, 1L, 6L);
    assertThat(expanded.getJsonObject(0).copy().put("weight", 0)).isEqualTo(new JsonObject()
        .put("tagId", 4).put("labelEn", "night owls").put("labelZh", "夜猫子").put("weight", 0));
    assertThat(expanded.getJsonObject(0).getDouble("weight")).isCloseTo(0.52 / 1.1, within(1e-12));
    assertThat(expanded.getJsonObject(1).getDouble("weight")).isCloseTo(0.48 / 1.1, within(1e-12));
    assertThat(expanded.getJsonObject(2).getDouble("weight")).isCloseTo(0.1 / 1.1, within(1e-12));
    assertThat(gateway.userRoles.tagReads()).as("one read for all labels").containsExactly(Set.of(1L, 4L, 6L));
    assertOnWorkerThreads("userRoles.rolesOf");
    assertOnWorkerThreads("userRoles.edgesFrom");
    assertOnWorkerThreads("userRoles.findTags");
  }

  @Test
  void aUserWithoutExpansionHasAnEmptyList() {
    gateway.userRoles.putRoles("u-2", List.of(new UserRole(5, "a-5", "gamers", "玩家", 1.0, 1, COMPUTED)));

    JsonObject body = gateway.get("/v1/users/u-2/roles").json();

    assertThat(body.getJsonArray("roles")).hasSize(1);
    assertThat(body.getJsonArray("expandedRoles")).isEmpty();
  }

  @Test
  void aUserWithoutRolesIs404() {
    Reply r = gateway.get("/v1/users/stranger/roles");

    assertThat(assertProblem(r, 404, "Not found", "/v1/users/stranger/roles").getString("detail"))
        .isEqualTo("no roles identified for user stranger");
    assertThat(gateway.threads.of("userRoles.edgesFrom")).isEmpty();
  }

  @Test
  void anInvalidUserIdIs400NamingIt() {
    assertThat(fields(assertProblem(gateway.get("/v1/users/a%20b/roles"), 400, "Invalid request", "/v1/users/a%20b/roles")))
        .containsExactly("userId");
  }
}
