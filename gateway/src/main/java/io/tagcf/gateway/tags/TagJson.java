package io.tagcf.gateway.tags;

import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.LogicSource;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.TagPage;
import io.tagcf.store.tags.TagSummary;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** The API's JSON shapes of tag pages and tag details. */
final class TagJson {

  private TagJson() {}

  static JsonObject page(TagPage p, int size) {
    JsonArray items = new JsonArray();
    p.items().forEach(t -> items.add(summary(t)));
    return new JsonObject().put("items", items).put("size", size)
        .put("next", p.next().map(TagCursor::encode).orElse(null));
  }

  static JsonObject detail(TagDetail detail) {
    CoverSetVersion cover = detail.latestCoverSet();
    JsonArray neighbours = new JsonArray();
    detail.neighbours().forEach(e -> neighbours.add(neighbour(e)));
    return summary(detail.tag())
        .put("coverSet", cover == null ? null : new JsonObject()
            .put("version", cover.version())
            .put("coverage", cover.coverage())
            .put("computedAt", cover.computedAt().toString()))
        .put("logicNeighbours", neighbours);
  }

  private static JsonObject summary(TagSummary t) {
    return new JsonObject()
        .put("tagId", t.tagId())
        .put("kind", t.kind().wireName())
        .put("slug", t.slug())
        .put("labelEn", t.labelEn())
        .put("labelZh", t.labelZh())
        .put("category", t.category())
        .put("candidate", t.candidate())
        .put("quarantined", t.quarantined())
        .put("videoCount", t.videoCount())
        .put("inCoverSet", t.inCoverSet())
        .put("lastSeenAt", t.lastSeenAt() == null ? null : t.lastSeenAt().toString());
  }

  private static JsonObject neighbour(StoredLogicEdge e) {
    // Support and lift are statistics of observed engagement; LLM edges have none.
    boolean stats = e.source() == LogicSource.STATS;
    return new JsonObject()
        .put("tagId", e.edge().targetTagId())
        .put("slug", e.otherSlug())
        .put("labelEn", e.otherLabelEn())
        .put("labelZh", e.otherLabelZh())
        .put("direction", e.edge().direction().name().toLowerCase(Locale.ROOT))
        .put("source", e.source().wireName())
        .put("weight", e.edge().weight())
        .put("support", stats ? e.edge().support() : null)
        .put("lift", stats ? e.edge().lift() : null);
  }
}
