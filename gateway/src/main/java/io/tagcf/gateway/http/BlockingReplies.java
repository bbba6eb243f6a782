package io.tagcf.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * How every handler does blocking work (JDBC, Temporal, hashing large bodies): on a worker
 * thread, never on the event loop, with a failure handed to the route's failure handler so that
 * it leaves as a problem document like any other error.
 */
public final class BlockingReplies {

  private final Vertx vertx;

  public BlockingReplies(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Runs {@code work} on a worker thread; when it throws, {@code ctx} fails with the exception. */
  public <T> Future<T> run(RoutingContext ctx, Callable<T> work) {
    // Unordered: requests are independent, and one slow query must not hold up the next.
    return vertx.executeBlocking(work, false).onFailure(ctx::fail);
  }

  /** Runs {@code work} on a worker thread and answers with its JSON and {@code status}. */
  public void json(RoutingContext ctx, int status, Callable<JsonObject> work) {
    json(ctx, status, Map.of(), work);
  }

  /** As {@link #json(RoutingContext, int, Callable)}, with headers sent only on success. */
  public void json(RoutingContext ctx, int status, Map<String, String> headers, Callable<JsonObject> work) {
    run(ctx, work).onSuccess(body -> {
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json");
      headers.forEach(ctx.response()::putHeader);
      ctx.response().end(body.encode());
    });
  }
}
