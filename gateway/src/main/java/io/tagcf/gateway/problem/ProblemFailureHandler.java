package io.tagcf.gateway.problem;

import io.tagcf.gateway.http.BodyLimits;
import io.tagcf.gateway.http.LaneFullException;
import io.tagcf.store.StoreException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become responses: every error leaves as
 * {@code application/problem+json}. Unexpected exceptions are logged with an id and answered with
 * that id only, never a stack trace.
 */
public final class ProblemFailureHandler implements Handler<RoutingContext> {

  private static final Logger log = LoggerFactory.getLogger(ProblemFailureHandler.class);
  static final long DATABASE_RETRY_AFTER_SECONDS = 5;
  static final long BUSY_RETRY_AFTER_SECONDS = 1;

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.request().connection().close();
      return;
    }
    respond(ctx, problemFor(ctx));
  }

  public static void respond(RoutingContext ctx, Problem problem) {
    ctx.response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", Problem.MEDIA_TYPE)
        .end(problem.toJson(ctx.request().path()).encode());
  }

  private static Problem problemFor(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof ProblemException p) {
      return p.problem();
    }
    if (failure instanceof ValidatorException v) {
      return ValidationProblems.from(v);
    }
    if (failure instanceof HttpException http) {
      if (http.getCause() instanceof ValidatorException v) {
        return ValidationProblems.from(v);
      }
      return byStatus(http.getStatusCode(), ctx);
    }
    if (failure == null) {
      if (ctx.statusCode() == 503) {
        // The request timeout: something it waited on was slow.
        ctx.response().putHeader("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
        return Problem.of(503, "Service unavailable",
            "the request was not answered in time; retry after " + BUSY_RETRY_AFTER_SECONDS + " s");
      }
      return byStatus(ctx.statusCode(), ctx);
    }
    if (failure instanceof LaneFullException full) {
      ctx.response().putHeader("Retry-After", Long.toString(BUSY_RETRY_AFTER_SECONDS));
      return Problem.of(503, "Service unavailable", "the gateway is at its limit for " + full.lane()
          + " work; retry after " + BUSY_RETRY_AFTER_SECONDS + " s");
    }
    if (failure instanceof StoreException store && store.isUnavailable()) {
      // Not the request's fault and not a bug: the client may repeat it shortly.
      log.warn("database unavailable on {} {}: {}", ctx.request().method(), ctx.request().path(), store.getMessage());
      ctx.response().putHeader("Retry-After", Long.toString(DATABASE_RETRY_AFTER_SECONDS));
      return Problem.of(503, "Service unavailable",
          "the database is unavailable; retry after " + DATABASE_RETRY_AFTER_SECONDS + " s");
    }
    String id = UUID.randomUUID().toString();
    log.error("unexpected failure {} on {} {}", id, ctx.request().method(), ctx.request().path(), failure);
    return Problem.of(500, "Internal error", "unexpected failure; reference " + id);
  }

  private static Problem byStatus(int status, RoutingContext ctx) {
    return switch (status) {
      case 400 -> Problem.of(400, "Bad request", "the request could not be read");
      case 404 -> Problem.of(404, "Not found", "no resource at " + ctx.request().path());
      case 405 -> Problem.of(405, "Method not allowed",
          ctx.request().method() + " is not allowed on " + ctx.request().path());
      case 413 -> Problem.of(413, "Payload too large", "the request body exceeds " + BodyLimits.describe(ctx));
      case 415 -> Problem.of(415, "Unsupported media type", "send application/json");
      case 503 -> Problem.of(503, "Service unavailable", "try again later");
      default -> status >= 400 && status < 500
          ? Problem.of(status, "Client error", "the request was rejected")
          : Problem.of(500, "Internal error", "unexpected failure");
    };
  }
}
