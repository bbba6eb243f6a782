package io.tagcf.gateway.tags;

import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RememberedAnswers;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.tags.TagPosition;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/** Handlers of /v1/tags: vocabulary search and tag detail. */
public final class TagHandlers {

  /**
   * How long a search page is remembered. The vocabulary changes slowly and every client lists it
   * the same way, so pages are served from memory, encoded, and usage counts may lag by this much.
   */
  static final Duration REMEMBERED = Duration.ofSeconds(5);
  private static final long MAX_BYTES = 32L << 20;

  /** One search, as the page it answers is remembered. */
  private record Search(TagKind kind, String q, Boolean coverSet, TagPosition after, int size) {}

  private final BlockingReplies blocking;
  private final TagDetails details;
  private final RememberedAnswers<Search, Buffer> pages;

  public TagHandlers(Vertx vertx, BlockingReplies blocking, TagStore tags, TagDetails details) {
    this.blocking = blocking;
    this.details = details;
    this.pages = new RememberedAnswers<>(vertx, blocking.lane(), REMEMBERED, MAX_BYTES, Buffer::length, page -> true,
        s -> TagJson.page(tags.search(s.kind(), s.q(), s.coverSet(), s.after(), s.size()), s.size()).toBuffer());
  }

  public void search(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    TagKind kind = params.query("kind").map(TagKind::fromWireName).orElse(null);
    String q = params.query("q").orElse(null);
    Boolean coverSet = params.queryBoolean("coverSet").orElse(null);
    TagPosition after = params.query("cursor").map(TagCursor::decode).orElse(null);
    int size = params.queryInt("size");
    pages.get(new Search(kind, q, coverSet, after, size)).onComplete(page -> {
      if (page.failed()) {
        ctx.fail(page.cause());
      } else {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(page.result());
      }
    });
  }

  public void get(RoutingContext ctx) {
    long tagId = RequestParameters.of(ctx).pathLong("tagId");
    blocking.json(ctx, 200, () -> TagJson.detail(details.find(tagId)
        .orElseThrow(() -> new ProblemException(Problem.of(404, "Not found", "no tag with id " + tagId)))));
  }
}
