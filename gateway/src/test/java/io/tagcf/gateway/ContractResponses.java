package io.tagcf.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks responses against the OpenAPI document. The operation is found by method and path; its
 * status and media type must be declared in the published document; the body and headers must
 * pass Vert.x's {@link ResponseValidator} on the contract as the router loads it (with the media
 * type mapped as {@link ContractLoader} maps it). A response of a route the document does not
 * define (the router's own 404 and 405) must be a problem document.
 */
final class ContractResponses {

  private static final Set<Integer> OUTSIDE_THE_CONTRACT = Set.of(404, 405);

  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final JsonObject published;
  private final Validator problem;

  private ContractResponses(OpenAPIContract contract, ResponseValidator validator, JsonObject published) {
    this.contract = contract;
    this.validator = validator;
    this.published = published;
    this.problem = validator(published.getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem"));
  }

  static ContractResponses load(Vertx vertx) throws Exception {
    Buffer yaml = vertx.fileSystem().readFileBlocking(GatewayServer.CONTRACT);
    OpenAPIContract contract = ContractLoader.load(vertx, yaml).await(30, TimeUnit.SECONDS);
    Map<String, Object> raw = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString());
    return new ContractResponses(contract, ResponseValidator.create(vertx, contract), new JsonObject(raw));
  }

  /** @throws AssertionError naming what does not match the document */
  void check(HttpMethod method, String uri, int status, MultiMap headers, Buffer body) {
    String path = uri.split("\\?", 2)[0];
    String what = method + " " + uri + " -> " + status;
    String mediaType = mediaType(headers.get("Content-Type"));
    Operation operation = contract.findOperation(path, method);
    if (operation == null && path.startsWith("/creator/") && status == 200) {
      // The creator page's static files: a web page for people, not an operation of the API.
      return;
    }
    if (operation == null) {
      if (!OUTSIDE_THE_CONTRACT.contains(status)) {
        throw new AssertionError(what + ": no operation of the contract, yet not a 404 or 405");
      }
      checkProblem(what, mediaType, body);
      return;
    }
    what = what + " (" + operation.getOperationId() + ")";
    JsonObject declared = publishedResponse(operation, status);
    if (declared == null) {
      throw new AssertionError(what + ": status not declared in the document");
    }
    if (!declared.getJsonObject("content", new JsonObject()).containsKey(mediaType)) {
      throw new AssertionError(what + ": media type " + mediaType + " not declared, only "
          + declared.getJsonObject("content", new JsonObject()).fieldNames());
    }
    String routerType = ContractLoader.responseTypeForRouter(mediaType);
    if (routerType.startsWith("text/")) {
      // Vert.x 5.0.7 hands a text body to the schema validator as a Buffer, which no schema
      // accepts; the text itself is checked against the document's schema instead.
      JsonObject schema = declared.getJsonObject("content").getJsonObject(mediaType).getJsonObject("schema");
      OutputUnit result = validator(schema).validate(body == null ? "" : body.toString());
      if (!Boolean.TRUE.equals(result.getValid())) {
        throw new AssertionError(what + ": " + result.toJson().encode());
      }
      return;
    }
    ValidatableResponse response = ValidatableResponse.create(
        status, declaredHeaders(operation, status, headers), body, routerType);
    try {
      validator.validate(response, operation.getOperationId()).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(what + ": " + describe(e) + "\nbody: " + (body == null ? "" : body), e);
    }
  }

  /** Validates a made-up response of {@code operationId}; for showing that the check bites. */
  void checkFabricated(String operationId, int status, String contentType, JsonObject body) {
    ValidatableResponse response = ValidatableResponse.create(status, Map.of(), body.toBuffer(),
        ContractLoader.responseTypeForRouter(mediaType(contentType)));
    try {
      validator.validate(response, operationId).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(operationId + " -> " + status + ": " + describe(e), e);
    }
  }

  private void checkProblem(String what, String mediaType, Buffer body) {
    if (!"application/problem+json".equals(mediaType)) {
      throw new AssertionError(what + ": expected application/problem+json, got " + mediaType);
    }
    OutputUnit result = problem.validate(new JsonObject(body));
    if (!Boolean.TRUE.equals(result.getValid())) {
      throw new AssertionError(what + ": not a problem document: " + result.toJson().encode() + "\nbody: " + body);
    }
  }

  private JsonObject publishedResponse(Operation operation, int status) {
    JsonObject responses = published.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
        .getJsonObject(operation.getHttpMethod().name().toLowerCase(Locale.ROOT)).getJsonObject("responses");
    JsonObject response = responses.getJsonObject(String.valueOf(status));
    if (response != null && response.containsKey("$ref")) {
      String name = response.getString("$ref").substring("#/components/responses/".length());
      return published.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }
    return response;
  }

  /** The response headers the operation declares, under the names it declares them by. */
  private static Map<String, String> declaredHeaders(Operation operation, int status, MultiMap headers) {
    Map<String, String> out = new HashMap<>();
    Response response = operation.getResponse(status);
    if (response != null) {
      for (Parameter header : response.getHeaders()) {
        String value = headers.get(header.getName());
        if (value != null) {
          out.put(header.getName(), value);
        }
      }
    }
    return out;
  }

  /** A validator of a schema of the document that refers to no other. */
  private static Validator validator(JsonObject selfContainedSchema) {
    return Validator.create(JsonSchema.of(selfContainedSchema),
        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("app:///").setOutputFormat(OutputFormat.Basic));
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  private static String describe(Exception e) {
    if (e instanceof SchemaValidationException s && s.getOutputUnit() != null) {
      return s.getMessage() + " " + s.getOutputUnit().toJson().encode();
    }
    return e.toString();
  }
}
