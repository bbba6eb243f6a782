package io.tagcf.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * How every handler does blocking work (JDBC, Temporal, hashing large bodies): on a worker thread
 * of the dependency's {@link DependencyLane}, never on the event loop, with a failure handed to
 * the route's failure handler so that it leaves as a problem document like any other error.
 */
public final class BlockingReplies {

  private final DependencyLane lane;

  public BlockingReplies(DependencyLane lane) {
    this.lane = lane;
  }

  /** The lane this runs its work on (remembered lookups share it). */
  public DependencyLane lane() {
    return lane;
  }

  /**
   * Runs {@code work} on a worker thread; when it throws, {@code ctx} fails with the exception.
   * When the request was answered meanwhile (its timeout passed), the outcome is dropped and the
   * returned future never completes: the client already has its 503.
   */
  public <T> Future<T> run(RoutingContext ctx, Callable<T> work) {
    Promise<T> answer = Promise.promise();
    lane.execute(work).onComplete(result -> {
      if (ctx.response().ended() || ctx.response().headWritten()) {
        return;
      }
      if (result.failed()) {
        ctx.fail(result.cause());
      } else {
        answer.complete(result.result());
      }
    });
    return answer.future();
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
