package io.tagcf.gateway.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads request bodies up to the limit of their operation: the contract's
 * {@code x-tagcf-body-limit} (bytes) where an operation needs more than the default, such as a
 * batch of interactions, the default elsewhere. A body over its limit fails the request with 413
 * before it is read whole; {@link #describe} phrases the limit that applied.
 */
public final class BodyLimits implements Handler<RoutingContext> {

  public static final String EXTENSION = "x-tagcf-body-limit";
  private static final String APPLIED = "tagcf.bodyLimit";

  private final OpenAPIContract contract;
  private final long defaultLimit;
  private final Map<String, Long> limitByOperation = new HashMap<>();
  private final Map<Long, BodyHandler> handlerByLimit = new HashMap<>();

  public BodyLimits(OpenAPIContract contract, long defaultLimit) {
    this.contract = contract;
    this.defaultLimit = defaultLimit;
    handlerByLimit.put(defaultLimit, handler(defaultLimit));
    for (Operation operation : contract.operations()) {
      long limit = limitOf(operation);
      limitByOperation.put(operation.getOperationId(), limit);
      handlerByLimit.computeIfAbsent(limit, BodyLimits::handler);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    long limit = operation == null ? defaultLimit : limitByOperation.get(operation.getOperationId());
    ctx.put(APPLIED, limit);
    handlerByLimit.get(limit).handle(ctx);
  }

  /** The limit that applied to this request's body, e.g. "256 KiB". */
  public static String describe(RoutingContext ctx) {
    Long bytes = ctx.get(APPLIED);
    if (bytes == null) {
      return "its limit";
    }
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    return bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " bytes";
  }

  private long limitOf(Operation operation) {
    Object limit = operation.getExtensions().get(EXTENSION);
    if (limit == null) {
      return defaultLimit;
    }
    if (limit instanceof Number n && n.longValue() > 0) {
      return n.longValue();
    }
    throw new IllegalStateException(
        EXTENSION + " of " + operation.getOperationId() + " must be a positive number of bytes, got " + limit);
  }

  private static BodyHandler handler(long limit) {
    // No file uploads: every body is JSON, held in memory up to the limit.
    return BodyHandler.create(false).setBodyLimit(limit);
  }
}
