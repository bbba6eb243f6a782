package io.tagcf.gateway.tags;

import io.tagcf.gateway.access.Principals;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RememberedAnswers;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.tags.TagPosition;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Handlers of /v1/tags: vocabulary search, tag detail and an admin's approval of a candidate.
 * Quarantined candidates (a label only its own creator's videos carry yet) are shown to admins
 * only: to everyone else such a tag answers the 404 of a missing one.
 */
public final class TagHandlers {

  /**
   * How long a search page is remembered. The vocabulary changes slowly and every client lists it
   * the same way, so pages are served from memory, encoded, and usage counts may lag by this much.
   */
  static final Duration REMEMBERED = Duration.ofSeconds(5);
  private static final long MAX_BYTES = 32L << 20;

  /** One search, as the page it answers is remembered: an admin's page is never a creator's. */
  private record Search(
      TagKind kind, String q, Boolean coverSet, TagPosition after, int size, boolean withQuarantined) {}

  private final BlockingReplies blocking;
  private final TagStore tags;
  private final TagDetails details;
  private final RememberedAnswers<Search, Buffer> pages;

  public TagHandlers(Vertx vertx, BlockingReplies blocking, TagStore tags, TagDetails details) {
    this.blocking = blocking;
    this.tags = tags;
    this.details = details;
    this.pages = new RememberedAnswers<>(vertx, blocking.lane(), REMEMBERED, MAX_BYTES, Buffer::length,
        page -> true,
        s -> TagJson.page(tags.search(s.kind(), s.q(), s.coverSet(), s.after(), s.size(), s.withQuarantined()),
            s.size()).toBuffer());
  }

  /** Whether the request's principal sees quarantined candidate tags. */
  public static boolean seesQuarantined(Principal principal) {
    return principal.role() == AccessRole.ADMIN;
  }

  public void search(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    TagKind kind = params.query("kind").map(TagKind::fromWireName).orElse(null);
    String q = params.query("q").orElse(null);
    Boolean coverSet = params.queryBoolean("coverSet").orElse(null);
    TagPosition after = params.query("cursor").map(TagCursor::decode).orElse(null);
    int size = params.queryInt("size");
    boolean withQuarantined = seesQuarantined(Principals.of(ctx));
    pages.get(new Search(kind, q, coverSet, after, size, withQuarantined)).onComplete(page -> {
      if (page.failed()) {
        ctx.fail(page.cause());
      } else {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(page.result());
      }
    });
  }

  public void get(RoutingContext ctx) {
    long tagId = RequestParameters.of(ctx).pathLong("tagId");
    boolean withQuarantined = seesQuarantined(Principals.of(ctx));
    blocking.json(ctx, 200, () -> TagJson.detail(details.find(tagId)
        .filter(d -> withQuarantined || !d.tag().quarantined())
        .orElseThrow(() -> notFound(tagId))));
  }

  /** POST /v1/tags/{tagId}/approve, admin keys only (the contract's security). */
  public void approve(RoutingContext ctx) {
    long tagId = RequestParameters.of(ctx).pathLong("tagId");
    String approvedBy = Principals.of(ctx).keyId();
    blocking.json(ctx, 200, () -> {
      switch (tags.approve(tagId, approvedBy)) {
        case NO_SUCH_TAG -> throw notFound(tagId);
        case VOCABULARY_TAG -> throw new ProblemException(Problem.of(409, "Conflict",
            "tag " + tagId + " is a vocabulary tag: there is nothing to approve"));
        case ALREADY_RELEASED -> throw new ProblemException(Problem.of(409, "Conflict",
            "tag " + tagId + " is released already (approved, or used by enough creators)"));
        case APPROVED -> { }
      }
      return TagJson.detail(details.find(tagId).orElseThrow(() -> notFound(tagId)));
    });
  }

  public static ProblemException notFound(long tagId) {
    return new ProblemException(Problem.of(404, "Not found", "no tag with id " + tagId));
  }
}
