package io.tagcf.gateway.users;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.logic.LogicExpansion;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.roles.UserRole;
import io.tagcf.store.roles.UserRoleRepository;
import io.tagcf.store.tags.TagCatalog;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * /v1/users/{id}/roles: the stored roles T(0) and the paper's logic expansion T(1), computed on
 * request from the edges that leave the user's roles (U2I) and the item tags they reach (I2U).
 */
public final class UserRoleHandlers {

  /** C(1) keeps item tags whose summed U2I weight exceeds this. */
  static final double DELTA = 0.02;
  static final int EXPANDED = 10;

  private final Vertx vertx;
  private final UserRoleRepository roles;
  private final LogicEdgeRepository edges;
  private final TagCatalog catalog;

  public UserRoleHandlers(Vertx vertx, UserRoleRepository roles, LogicEdgeRepository edges, TagCatalog catalog) {
    this.vertx = vertx;
    this.roles = roles;
    this.edges = edges;
    this.catalog = catalog;
  }

  public void roles(RoutingContext ctx) {
    ValidatedRequest r = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    String userId = r.getPathParameters().get("userId").getString();
    vertx.executeBlocking(() -> {
      List<UserRole> t0 = roles.rolesOf(userId);
      if (t0.isEmpty()) {
        throw new ProblemException(Problem.of(404, "Not found", "no roles identified for user " + userId));
      }
      JsonArray roleJson = new JsonArray();
      Map<Long, Double> probabilities = new LinkedHashMap<>();
      for (UserRole role : t0) {
        probabilities.put(role.tagId(), role.probability());
        roleJson.add(new JsonObject().put("tagId", role.tagId()).put("labelEn", role.labelEn())
            .put("labelZh", role.labelZh()).put("probability", role.probability()).put("rank", role.rank()));
      }
      List<LogicEdge> u2i = edges.from(LogicDirection.U2I, probabilities.keySet());
      Set<Long> reached = u2i.stream().map(LogicEdge::targetTagId).collect(Collectors.toSet());
      List<LogicEdge> graph = new ArrayList<>(u2i);
      graph.addAll(edges.from(LogicDirection.I2U, reached));
      Map<Long, Double> expanded = LogicExpansion.expand(probabilities, graph, DELTA, EXPANDED);
      JsonArray expandedJson = new JsonArray();
      expanded.forEach((tagId, weight) -> catalog.find(tagId).ifPresent(t -> expandedJson.add(
          new JsonObject().put("tagId", tagId).put("labelEn", t.labelEn()).put("labelZh", t.labelZh())
              .put("weight", weight))));
      return new JsonObject().put("userId", userId).put("computedAt", t0.get(0).computedAt().toString())
          .put("roles", roleJson).put("expandedRoles", expandedJson);
    }, false).onFailure(ctx::fail).onSuccess(json ->
        ctx.response().putHeader("Content-Type", "application/json").end(json.encode()));
  }
}
