package io.tagcf.gateway.videos;

import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.tags.VideoTag;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The API's JSON shapes of videos, tags and neighbours. */
final class VideoJson {

  private VideoJson() {}

  static JsonObject accepted(AcceptedUpload upload, String location) {
    return new JsonObject()
        .put("videoId", upload.videoId())
        .put("workflowId", upload.workflowId())
        .put("status", location)
        .put("ingest", switch (upload.kind()) {
          case CREATED -> "started";
          case CHANGED, REQUEUED -> "restarted";
          case RESUMED -> "running";
          case UNCHANGED -> "unchanged";
        });
  }

  static JsonObject video(StoredVideo stored, List<VideoTag> tags) {
    VideoSubmission v = stored.video();
    boolean chinese = v.language() != null && v.language().startsWith("zh");
    return new JsonObject()
        .put("videoId", v.videoId())
        .put("creatorId", v.creatorId())
        .put("title", v.title())
        .put("description", v.description())
        .put("coverText", v.coverText())
        .put("transcriptChars", v.transcript() == null ? 0 : v.transcript().length())
        .put("durationSec", v.durationSec())
        .put("language", v.language())
        .put("publishedAt", v.publishedAt() == null ? null : v.publishedAt().toString())
        .put("stage", stored.stage().wireName())
        .put("error", stored.error())
        .put("workflowId", stored.workflowId())
        .put("itemTags", tags(tags, TagKind.ITEM, chinese))
        .put("audienceTags", tags(tags, TagKind.AUDIENCE, chinese))
        .put("updatedAt", stored.updatedAt().toString());
  }

  private static JsonArray tags(List<VideoTag> tags, TagKind kind, boolean chinese) {
    JsonArray out = new JsonArray();
    for (VideoTag t : tags) {
      if (t.kind() != kind) {
        continue;
      }
      String preferred = chinese ? t.labelZh() : t.labelEn();
      String other = chinese ? t.labelEn() : t.labelZh();
      out.add(
          new JsonObject()
              .put("tagId", t.tagId())
              .put("label", preferred != null ? preferred : other != null ? other : t.rawLabel())
              .put("labelEn", t.labelEn())
              .put("labelZh", t.labelZh())
              .put("score", round(t.score()))
              .put("rank", t.rank())
              .put("source", t.tagger())
              .put("candidate", t.candidate())
              .put(
                  "provenance",
                  new JsonObject()
                      .put("provider", t.provider())
                      .put("model", t.taggerModel())
                      .put("promptVersion", t.promptVersion())
                      .put("rawLabel", t.rawLabel())
                      .put("matchSimilarity", round(t.matchSimilarity()))
                      .put("fallbackReason", t.fallbackReason())));
    }
    return out;
  }

  static JsonObject similar(List<SimilarVideo> items) {
    JsonArray out = new JsonArray();
    items.forEach(
        s ->
            out.add(
                new JsonObject()
                    .put("videoId", s.videoId())
                    .put("title", s.title())
                    .put("similarity", round(s.similarity()))));
    return new JsonObject().put("items", out);
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }
}
