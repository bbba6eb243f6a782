package io.tagcf.gateway.tags;

import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.TagCatalog;
import io.tagcf.store.tags.TagPage;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

/** Handlers of /v1/tags: vocabulary search and tag detail. JDBC runs on worker threads. */
public final class TagHandlers {

  static final int NEIGHBOURS = 20;

  private final Vertx vertx;
  private final TagCatalog catalog;
  private final CoverSetRepository coverSets;
  private final LogicEdgeRepository edges;

  public TagHandlers(Vertx vertx, TagCatalog catalog, CoverSetRepository coverSets, LogicEdgeRepository edges) {
    this.vertx = vertx;
    this.catalog = catalog;
    this.coverSets = coverSets;
    this.edges = edges;
  }

  public void search(RoutingContext ctx) {
    ValidatedRequest r = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    String kind = string(r.getQuery().get("kind"));
    String q = string(r.getQuery().get("q"));
    RequestParameter cover = r.getQuery().get("coverSet");
    Boolean coverSet = cover == null || cover.isNull() ? null : cover.getBoolean();
    int page = integer(r.getQuery().get("page"), 1);
    int size = integer(r.getQuery().get("size"), 20);
    vertx.executeBlocking(() -> catalog.search(kind == null ? null : TagKind.fromWireName(kind), q, coverSet, page, size), false)
        .onFailure(ctx::fail)
        .onSuccess(p -> ok(ctx, page(p)));
  }

  public void get(RoutingContext ctx) {
    ValidatedRequest r = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    long tagId = r.getPathParameters().get("tagId").getLong();
    vertx.executeBlocking(() -> {
      TagSummary tag = catalog.find(tagId)
          .orElseThrow(() -> new ProblemException(Problem.of(404, "Not found", "no tag with id " + tagId)));
      JsonObject json = summary(tag);
      json.put("coverSet", coverSets.latest(tag.kind())
          .map(v -> new JsonObject().put("version", v.version()).put("coverage", v.coverage())
              .put("computedAt", v.computedAt().toString()))
          .orElse(null));
      JsonArray neighbours = new JsonArray();
      for (StoredLogicEdge e : edges.outgoing(tagId, NEIGHBOURS)) {
        neighbours.add(new JsonObject()
            .put("tagId", e.edge().targetTagId())
            .put("slug", e.otherSlug())
            .put("labelEn", e.otherLabelEn())
            .put("labelZh", e.otherLabelZh())
            .put("direction", e.edge().direction().name().toLowerCase(java.util.Locale.ROOT))
            .put("source", e.source().wireName())
            .put("weight", e.edge().weight())
            .put("support", e.source() == io.tagcf.store.logic.LogicSource.STATS ? e.edge().support() : null)
            .put("lift", e.source() == io.tagcf.store.logic.LogicSource.STATS ? e.edge().lift() : null));
      }
      return json.put("logicNeighbours", neighbours);
    }, false).onFailure(ctx::fail).onSuccess(json -> ok(ctx, json));
  }

  private static JsonObject page(TagPage p) {
    JsonArray items = new JsonArray();
    p.items().forEach(t -> items.add(summary(t)));
    return new JsonObject().put("items", items).put("page", p.page()).put("size", p.size()).put("total", p.total());
  }

  static JsonObject summary(TagSummary t) {
    return new JsonObject()
        .put("tagId", t.tagId())
        .put("kind", t.kind().wireName())
        .put("slug", t.slug())
        .put("labelEn", t.labelEn())
        .put("labelZh", t.labelZh())
        .put("category", t.category())
        .put("candidate", t.candidate())
        .put("videoCount", t.videoCount())
        .put("inCoverSet", t.inCoverSet())
        .put("lastSeenAt", t.lastSeenAt() == null ? null : t.lastSeenAt().toString());
  }

  private static String string(RequestParameter p) {
    return p == null || p.isNull() ? null : p.getString();
  }

  private static int integer(RequestParameter p, int fallback) {
    return p == null || p.isNull() ? fallback : p.getInteger();
  }

  private static void ok(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("Content-Type", "application/json").end(json.encode());
  }
}
