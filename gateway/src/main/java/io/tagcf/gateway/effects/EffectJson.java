package io.tagcf.gateway.effects;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.store.effects.RankedEffect;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.tags.TagSummary;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** The API's JSON shapes of snapshots, effect cells, rankings, attributions and snapshot runs. */
final class EffectJson {

  /** The estimator behind every estimated cell's {@code estimate}. */
  static final String METHOD = "aipw";

  private EffectJson() {}

  static JsonObject snapshots(List<SnapshotInfo> snapshots) {
    JsonArray items = new JsonArray();
    snapshots.forEach(s -> items.add(snapshot(s)));
    return new JsonObject().put("items", items);
  }

  static JsonObject snapshot(SnapshotInfo s) {
    return new JsonObject()
        .put("snapshotId", s.snapshotId())
        .put("status", s.status())
        .put("windowStart", s.windowStart().toString())
        .put("windowEnd", s.windowEnd().toString())
        .put("segmentScheme", s.segmentScheme())
        .put("segments", new JsonArray(List.copyOf(s.segments())))
        .put("tagSource", s.tagSource())
        .put("tags", s.tags())
        .put("videos", s.videos())
        .put("exposures", s.exposures())
        .put("progress", new JsonObject().put("shardsDone", s.shardsDone()).put("shardsTotal", s.shardsTotal()))
        .put("cellsEstimated", s.cellsEstimated())
        .put("cellsInsufficient", s.cellsInsufficient())
        .put("error", s.error())
        .put("startedAt", s.startedAt().toString())
        .put("publishedAt", instant(s.publishedAt()));
  }

  static JsonObject tagEffects(TagSummary tag, SnapshotInfo snapshot, List<CellEstimate> cells) {
    JsonArray items = new JsonArray();
    cells.forEach(c -> items.add(cell(c)));
    return new JsonObject()
        .put("tag", new JsonObject()
            .put("tagId", tag.tagId())
            .put("slug", tag.slug())
            .put("labelEn", tag.labelEn())
            .put("labelZh", tag.labelZh())
            .put("category", tag.category()))
        .put("snapshot", snapshot(snapshot))
        .put("cells", items);
  }

  static JsonObject ranking(SnapshotInfo snapshot, String outcome, String segment, EffectSort sort,
      boolean robustOnly, List<RankedEffect> ranked) {
    JsonArray items = new JsonArray();
    for (int i = 0; i < ranked.size(); i++) {
      RankedEffect r = ranked.get(i);
      items.add(new JsonObject()
          .put("rank", i + 1)
          .put("tagId", r.cell().tagId())
          .put("slug", r.slug())
          .put("labelEn", r.labelEn())
          .put("labelZh", r.labelZh())
          .put("category", r.category())
          .mergeIn(cell(r.cell())));
    }
    return new JsonObject()
        .put("snapshot", snapshot(snapshot))
        .put("outcome", outcome)
        .put("segment", segment)
        .put("sort", sort.wireName())
        .put("robustOnly", robustOnly)
        .put("items", items);
  }

  /** One cell; an insufficient one has its reason and counts, and null wherever an estimate would be. */
  static JsonObject cell(CellEstimate c) {
    boolean estimated = c.status() == CellStatus.ESTIMATED;
    JsonObject json = new JsonObject()
        .put("segment", c.segment())
        .put("outcome", c.outcome().label())
        .put("status", c.status().wireName())
        .put("reason", c.reason())
        .put("n", new JsonObject()
            .put("videos", c.videos())
            .put("treatedVideos", c.treatedVideos())
            .put("controlVideos", c.controlVideos())
            .put("exposures", c.exposures())
            .put("treatedExposures", c.treatedExposures()))
        .put("method", estimated ? METHOD : null);
    if (!estimated) {
      return json.putNull("estimate").putNull("se").putNull("ci").putNull("naive").putNull("ipw").putNull("iv")
          .putNull("overlap").putNull("refuter").putNull("sensitivity").putNull("controlRate").put("robust", false);
    }
    return json
        .put("estimate", c.aipw().estimate())
        .put("se", c.aipw().se())
        .put("ci", interval(c.aipw()))
        .put("naive", comparison(c.naive()))
        .put("ipw", comparison(c.ipw()))
        .put("iv", c.iv() == null ? null : comparison(c.iv().estimate())
            .put("firstStageF", c.iv().firstStageF())
            .put("weak", c.iv().weak()))
        .put("overlap", new JsonObject()
            .put("essTreated", c.overlap().essTreated())
            .put("essControl", c.overlap().essControl())
            .put("clippedShare", c.overlap().clippedShare()))
        .put("refuter", new JsonObject()
            .put("placeboEstimate", c.placebo().placebo().estimate())
            .put("placeboSe", c.placebo().placebo().se())
            .put("passed", c.placebo().passed()))
        .put("sensitivity", new JsonObject().put("eValue", c.sensitivity()))
        .put("controlRate", c.controlMean())
        .put("robust", c.robust());
  }

  static JsonObject attributions(String videoId, SnapshotInfo snapshot, List<VideoAttribution> attributions) {
    JsonArray items = new JsonArray();
    for (VideoAttribution a : attributions) {
      items.add(new JsonObject()
          .put("tagId", a.tagId())
          .put("segment", a.segment())
          .put("outcome", a.outcome().label())
          .put("exposures", a.exposures())
          .put("observed", a.observed())
          .put("withTag", new JsonObject().put("rate", a.withTag().estimate()).put("ci", interval(a.withTag())))
          .put("withoutTag", new JsonObject().put("rate", a.withoutTag().estimate()).put("ci", interval(a.withoutTag())))
          .put("effect", new JsonObject().put("estimate", a.effect().estimate()).put("ci", interval(a.effect()))));
    }
    return new JsonObject().put("videoId", videoId).put("snapshot", snapshot(snapshot)).put("items", items);
  }

  static JsonObject accepted(String name, String workflowId, EffectRequest request) {
    return new JsonObject()
        .put("workflowId", workflowId)
        .put("run", name)
        .put("status", SnapshotRunIds.statusUrl(name))
        .put("request", new JsonObject()
            .put("windowDays", request.windowDays())
            .put("windowEnd", instant(request.windowEnd()))
            .put("segments", request.segments())
            .put("shards", request.shards()));
  }

  /**
   * A run: a running one's phase and shards from its progress query, a completed one's from its
   * result (the shard counts are then the snapshot's), a failed, cancelled or terminated workflow's
   * phase is failed.
   */
  static JsonObject run(String name, SnapshotRun run) {
    EffectProgress progress = run.progress();
    SnapshotResult result = run.result();
    Long snapshotId = progress != null ? progress.snapshotId() : result != null ? Long.valueOf(result.snapshotId()) : null;
    String phase = switch (run.state()) {
      case RUNNING -> progress == null ? null : progress.phase();
      case COMPLETED -> result == null ? null : result.status();
      default -> "failed";
    };
    String error = progress != null ? progress.error()
        : result != null ? result.error()
        : run.state() == SnapshotRun.State.RUNNING ? null
        : "the workflow " + run.state().wireName().replace('_', ' ');
    boolean shards = progress != null && progress.snapshotId() != null;
    return new JsonObject()
        .put("workflowId", run.workflowId())
        .put("run", name)
        .put("state", run.state().wireName())
        .put("phase", phase)
        .put("snapshotId", snapshotId)
        .put("shardsDone", shards ? progress.shardsDone() : null)
        .put("shardsTotal", shards ? progress.shardsTotal() : null)
        .put("cellsEstimated", result == null || !"published".equals(result.status()) ? null : result.cellsEstimated())
        .put("cellsInsufficient", result == null || !"published".equals(result.status()) ? null
            : result.cellsInsufficient())
        .put("error", error)
        .put("snapshot", snapshotId == null ? null : "/v1/snapshots/" + snapshotId);
  }

  private static JsonObject comparison(Estimate e) {
    return new JsonObject().put("estimate", e.estimate()).put("se", e.se()).put("ci", interval(e));
  }

  private static JsonArray interval(Estimate e) {
    return new JsonArray().add(e.ciLow()).add(e.ciHigh());
  }

  private static String instant(Instant t) {
    return t == null ? null : t.toString();
  }
}
