package io.tagcf.gateway.access;

import io.tagcf.gateway.http.DependencyLane;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The first handler of every route: finds who the request acts for from its
 * {@code Authorization: Bearer} key and checks the key's role against what the operation accepts.
 * No key, or one that is malformed, unknown, revoked or wrong: 401, one answer for all. A key whose
 * role the operation does not accept: 403. Past the key's rate limit ({@link RateLimits}): 429 with
 * {@code Retry-After}. Which videos a creator may see is the handlers' check
 * ({@link Principals#requireVideoOf}).
 */
public final class AccessHandler {

  private static final String BEARER = "bearer ";
  /** Operations that may start tagging (LLM) work: limited apart from, and lower than, the rest. */
  private static final Set<String> UPLOADS = Set.of("uploadVideo");

  private final AccessControl control;
  private final AccessRules rules;
  private final Authenticator authenticator;
  private final RateLimits limits;

  public AccessHandler(Vertx vertx, DependencyLane lane, AccessControl control, AccessRules rules) {
    this.control = control;
    this.rules = rules;
    this.authenticator = control.enabled() ? new Authenticator(vertx, lane, control.keys()) : null;
    this.limits = control.enabled() ? new RateLimits(control.limits()) : null;
  }

  /** The handler of one operation. */
  public Handler<RoutingContext> forOperation(String operationId) {
    Optional<Set<AccessRole>> roles = rules.rolesOf(operationId);
    boolean upload = UPLOADS.contains(operationId);
    return ctx -> {
      if (roles.isEmpty()) {
        ctx.next();
        return;
      }
      if (!control.enabled()) {
        Principals.set(ctx, AccessControl.DEVELOPER);
        ctx.next();
        return;
      }
      String header = ctx.request().getHeader("Authorization");
      if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
        unauthorised(ctx, "send an API key as 'Authorization: Bearer <key>'");
        return;
      }
      authenticator.authenticate(header.substring(BEARER.length()).strip()).onComplete(found -> {
        if (found.failed()) {
          ctx.fail(found.cause());
        } else if (found.result().isEmpty()) {
          unauthorised(ctx, "the API key is not valid (unknown, revoked or mistyped)");
        } else if (!roles.get().contains(found.result().get().role())) {
          ctx.fail(new ProblemException(Problem.of(403, "Forbidden",
              "a " + found.result().get().role().wireName() + " key may not use this route")));
        } else {
          OptionalLong wait = limits.take(found.result().get(), upload);
          if (wait.isPresent()) {
            ctx.response().putHeader("Retry-After", Long.toString(wait.getAsLong()));
            ctx.fail(new ProblemException(Problem.of(429, "Too many requests",
                "this key's rate limit is reached" + (upload ? " (uploads have their own, lower limit)" : "")
                    + "; retry after " + wait.getAsLong() + " s")));
            return;
          }
          Principals.set(ctx, found.result().get());
          ctx.next();
        }
      });
    };
  }

  private static void unauthorised(RoutingContext ctx, String detail) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"tagcf\"");
    ctx.fail(new ProblemException(Problem.of(401, "Unauthorized", detail)));
  }
}
