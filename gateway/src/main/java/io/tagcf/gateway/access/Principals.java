package io.tagcf.gateway.access;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.access.Principal;
import io.vertx.ext.web.RoutingContext;

/** Who a request acts for, as its route's {@link AccessHandler} found it, and the video check. */
public final class Principals {

  private static final String KEY = "tagcf.principal";

  private Principals() {}

  static void set(RoutingContext ctx, Principal principal) {
    ctx.put(KEY, principal);
  }

  /**
   * @throws IllegalStateException on a route without an access handler (a bug, not a user error)
   */
  public static Principal of(RoutingContext ctx) {
    Principal p = ctx.get(KEY);
    if (p == null) {
      throw new IllegalStateException("no principal on " + ctx.request().path() + ": its route has no access handler");
    }
    return p;
  }

  /**
   * @throws ProblemException 404, worded as for a missing video, when the principal may not see a
   *     video of {@code ownerId}: another creator's video must not be told apart from none
   */
  public static void requireVideoOf(Principal principal, String ownerId, String videoId) {
    if (!principal.mayAccessVideoOf(ownerId)) {
      throw notFound(videoId);
    }
  }

  /** The 404 of a missing video; another creator's video answers exactly the same. */
  public static ProblemException notFound(String videoId) {
    return new ProblemException(Problem.of(404, "Not found", "no video with id " + videoId));
  }
}
