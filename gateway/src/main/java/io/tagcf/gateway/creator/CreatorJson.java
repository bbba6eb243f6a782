package io.tagcf.gateway.creator;

import io.tagcf.models.effects.Estimate;
import io.tagcf.store.effects.CreatorTagEffect;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.video.CreatorVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The creator API's JSON, as the contract describes it. */
final class CreatorJson {

  private CreatorJson() {}

  static JsonObject videos(List<CreatorVideo> page, int number, int size, long total) {
    JsonArray items = new JsonArray();
    for (CreatorVideo v : page) {
      items.add(new JsonObject().put("videoId", v.videoId()).put("title", v.title()).put("language", v.language())
          .put("stage", v.stage().wireName()).put("createdAt", v.createdAt().toString())
          .put("updatedAt", v.updatedAt().toString()));
    }
    return new JsonObject().put("items", items).put("page", number).put("size", size).put("total", total);
  }

  static JsonObject insights(String creatorId, SnapshotInfo snapshot, String outcome, List<CreatorTagEffect> tags) {
    JsonArray items = new JsonArray();
    for (CreatorTagEffect t : tags) {
      items.add(new JsonObject().put("tagId", t.tagId()).put("slug", t.slug()).put("labelEn", t.labelEn())
          .put("labelZh", t.labelZh()).put("videos", t.videos()).put("exposures", t.exposures())
          .put("yours", estimate(t.yours()))
          .put("platform", t.platform() == null ? null : estimate(t.platform()).put("robust", t.platformRobust())));
    }
    return new JsonObject().put("creatorId", creatorId).put("snapshotId", snapshot.snapshotId())
        .put("outcome", outcome).put("segment", "all").put("items", items);
  }

  private static JsonObject estimate(Estimate e) {
    return new JsonObject().put("estimate", e.estimate()).put("ciLow", e.ciLow()).put("ciHigh", e.ciHigh());
  }
}
