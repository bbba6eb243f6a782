package io.tagcf.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the OpenAPI document for the router. Vert.x OpenAPI 5.0 refuses contracts whose
 * responses use media types it cannot validate, among them {@code application/problem+json}
 * (RFC 9457) and {@code application/yaml}. Responses are not validated by the router, so those
 * response media types are mapped onto their closest supported type in the router's copy only;
 * the published document keeps the true ones, and request validation is untouched.
 */
final class ContractLoader {

  private static final Map<String, String> RESPONSE_TYPE_FOR_ROUTER =
      Map.of("application/problem+json", "application/json", "application/yaml", "text/plain");

  private ContractLoader() {}

  static Future<OpenAPIContract> load(Vertx vertx, Buffer yaml) {
    JsonObject document = document(yaml);
    rewriteResponses(document.getJsonObject("paths"));
    withoutSecurity(document);
    rewriteResponses(document.getJsonObject("components", new JsonObject()).getJsonObject("responses"));
    return OpenAPIContract.from(vertx, document).map(ValidatorCachingContract::new);
  }

  /** The published document as JSON. */
  static JsonObject document(Buffer yaml) {
    Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString());
    return new JsonObject(raw);
  }

  /**
   * The router's copy has no security declarations: Vert.x would mount its own authentication
   * handlers for them, and it has none for opaque bearer keys. {@code AccessRules} reads them from
   * the published document instead, and {@code AccessHandler} enforces them on every route.
   */
  private static void withoutSecurity(JsonObject document) {
    document.remove("security");
    document.getJsonObject("components", new JsonObject()).remove("securitySchemes");
    JsonObject paths = document.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation) {
          operation.remove("security");
        }
      }
    }
  }

  /** The media type that stands for {@code mediaType} in the responses of the router's copy. */
  static String responseTypeForRouter(String mediaType) {
    return RESPONSE_TYPE_FOR_ROUTER.getOrDefault(mediaType, mediaType);
  }

  private static void rewriteResponses(JsonObject node) {
    if (node == null) {
      return;
    }
    for (String key : node.fieldNames().toArray(String[]::new)) {
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        if ("content".equals(key)) {
          rename(child);
        } else {
          rewriteResponses(child);
        }
      }
    }
  }

  private static void rename(JsonObject content) {
    RESPONSE_TYPE_FOR_ROUTER.forEach((from, to) -> {
      if (content.containsKey(from) && !content.containsKey(to)) {
        content.put(to, content.remove(from));
      }
    });
  }
}
