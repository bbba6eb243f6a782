package io.tagcf.gateway.access;

import io.tagcf.models.access.AccessRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which keys each operation accepts, as the OpenAPI document declares them: its own
 * {@code security}, else the document's; an empty list means open to all. The security schemes
 * {@code creatorKey}, {@code serviceKey} and {@code adminKey} stand for the three roles.
 */
public final class AccessRules {

  private static final Map<String, AccessRole> SCHEMES =
      Map.of("creatorKey", AccessRole.CREATOR, "serviceKey", AccessRole.SERVICE, "adminKey", AccessRole.ADMIN);

  private final Map<String, Set<AccessRole>> byOperation;

  private AccessRules(Map<String, Set<AccessRole>> byOperation) {
    this.byOperation = byOperation;
  }

  /**
   * @throws IllegalArgumentException when an operation names a scheme that is not one of the three
   */
  public static AccessRules from(JsonObject document) {
    Set<AccessRole> defaults = roles(document.getJsonArray("security", new JsonArray()), "the document");
    Map<String, Set<AccessRole>> out = new HashMap<>();
    JsonObject paths = document.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation && operation.containsKey("operationId")) {
          String id = operation.getString("operationId");
          out.put(id, operation.containsKey("security") ? roles(operation.getJsonArray("security"), id) : defaults);
        }
      }
    }
    return new AccessRules(out);
  }

  /** The roles the operation accepts; empty when it is open to all. */
  public Optional<Set<AccessRole>> rolesOf(String operationId) {
    Set<AccessRole> roles = byOperation.get(operationId);
    if (roles == null) {
      throw new IllegalArgumentException("no operation " + operationId);
    }
    return roles.isEmpty() ? Optional.empty() : Optional.of(roles);
  }

  private static Set<AccessRole> roles(JsonArray requirements, String where) {
    Set<AccessRole> out = EnumSet.noneOf(AccessRole.class);
    for (Object requirement : requirements) {
      for (String scheme : ((JsonObject) requirement).fieldNames()) {
        AccessRole role = SCHEMES.get(scheme);
        if (role == null) {
          throw new IllegalArgumentException(where + " names the unknown security scheme " + scheme);
        }
        out.add(role);
      }
    }
    return out;
  }
}
