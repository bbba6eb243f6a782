package io.tagcf.gateway.users;

import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** /v1/users/{id}/roles: a user's roles and their logic expansion. */
public final class UserRoleHandlers {

  private final BlockingReplies blocking;
  private final UserRoleProfiles profiles;

  public UserRoleHandlers(BlockingReplies blocking, UserRoleProfiles profiles) {
    this.blocking = blocking;
    this.profiles = profiles;
  }

  public void roles(RoutingContext ctx) {
    String userId = RequestParameters.of(ctx).path("userId");
    blocking.json(ctx, 200, () -> json(profiles.of(userId).orElseThrow(
        () -> new ProblemException(Problem.of(404, "Not found", "no roles identified for user " + userId)))));
  }

  private static JsonObject json(UserRoleProfile profile) {
    JsonArray roles = new JsonArray();
    profile.roles().forEach(r -> roles.add(new JsonObject()
        .put("tagId", r.tagId())
        .put("labelEn", r.labelEn())
        .put("labelZh", r.labelZh())
        .put("probability", r.probability())
        .put("rank", r.rank())));
    JsonArray expanded = new JsonArray();
    profile.expanded().forEach(e -> expanded.add(new JsonObject()
        .put("tagId", e.tagId())
        .put("labelEn", e.labelEn())
        .put("labelZh", e.labelZh())
        .put("weight", e.weight())));
    return new JsonObject()
        .put("userId", profile.userId())
        .put("computedAt", profile.computedAt().toString())
        .put("roles", roles)
        .put("expandedRoles", expanded);
  }
}
