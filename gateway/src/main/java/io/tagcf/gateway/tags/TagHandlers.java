package io.tagcf.gateway.tags;

import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.tags.TagKind;
import io.vertx.ext.web.RoutingContext;

/** Handlers of /v1/tags: vocabulary search and tag detail. */
public final class TagHandlers {

  private final BlockingReplies blocking;
  private final TagStore tags;
  private final TagDetails details;

  public TagHandlers(BlockingReplies blocking, TagStore tags, TagDetails details) {
    this.blocking = blocking;
    this.tags = tags;
    this.details = details;
  }

  public void search(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    TagKind kind = params.query("kind").map(TagKind::fromWireName).orElse(null);
    String q = params.query("q").orElse(null);
    Boolean coverSet = params.queryBoolean("coverSet").orElse(null);
    int page = params.queryInt("page");
    int size = params.queryInt("size");
    blocking.json(ctx, 200, () -> TagJson.page(tags.search(kind, q, coverSet, page, size)));
  }

  public void get(RoutingContext ctx) {
    long tagId = RequestParameters.of(ctx).pathLong("tagId");
    blocking.json(ctx, 200, () -> TagJson.detail(details.find(tagId)
        .orElseThrow(() -> new ProblemException(Problem.of(404, "Not found", "no tag with id " + tagId)))));
  }
}
