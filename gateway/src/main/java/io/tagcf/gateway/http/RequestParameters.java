package io.tagcf.gateway.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.Optional;

/**
 * A request's parameters as the contract validated them. An absent query parameter takes the
 * {@code default} of its schema in the contract, so that defaults are written down once.
 */
public final class RequestParameters {

  private final ValidatedRequest request;
  private final Operation operation;

  private RequestParameters(ValidatedRequest request, Operation operation) {
    this.request = request;
    this.operation = operation;
  }

  public static RequestParameters of(RoutingContext ctx) {
    return new RequestParameters(
        ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST),
        ctx.currentRoute().getMetadata(RouterBuilder.KEY_META_DATA_OPERATION));
  }

  public String path(String name) {
    return request.getPathParameters().get(name).getString();
  }

  public long pathLong(String name) {
    return request.getPathParameters().get(name).getLong();
  }

  public Optional<String> query(String name) {
    return present(name).map(RequestParameter::getString);
  }

  public Optional<Boolean> queryBoolean(String name) {
    return present(name).map(RequestParameter::getBoolean);
  }

  /** The integer query parameter, or its default in the contract. */
  public int queryInt(String name) {
    return present(name).map(RequestParameter::getInteger).orElseGet(() -> defaultOf(name, Number.class).intValue());
  }

  public Optional<Long> queryLong(String name) {
    return present(name).map(RequestParameter::getLong);
  }

  /** The string query parameter, or its default in the contract. */
  public String queryOrDefault(String name) {
    return query(name).orElseGet(() -> defaultOf(name, String.class));
  }

  /** The boolean query parameter, or its default in the contract. */
  public boolean queryBooleanOrDefault(String name) {
    return queryBoolean(name).orElseGet(() -> defaultOf(name, Boolean.class));
  }

  public JsonObject body() {
    return request.getBody().getJsonObject();
  }

  private Optional<RequestParameter> present(String name) {
    RequestParameter p = request.getQuery().get(name);
    return p == null || p.isNull() ? Optional.empty() : Optional.of(p);
  }

  private <T> T defaultOf(String name, Class<T> type) {
    return operation.getParameters().stream()
        .filter(p -> p.getName().equals(name))
        .map(Parameter::getSchema)
        .map(schema -> schema.get("default"))
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(
            "the contract gives query parameter " + name + " of " + operation.getOperationId() + " no default"));
  }
}
