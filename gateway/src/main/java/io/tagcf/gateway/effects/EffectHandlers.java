package io.tagcf.gateway.effects;

import io.tagcf.gateway.access.Principals;
import io.tagcf.models.access.Principal;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.tags.TagHandlers;
import io.tagcf.gateway.tags.TagStore;
import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.tags.TagSummary;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Handlers of the effects API: snapshots and their runs, a tag's effects, rankings of tags by
 * effect, a video's attributions. Reads come from published snapshots only ({@link PublishedSnapshots}).
 */
public final class EffectHandlers {

  private final BlockingReplies blocking;
  private final BlockingReplies temporal;
  private final EffectStore effects;
  private final PublishedSnapshots published;
  private final TagStore tags;
  private final VideoStore videos;
  private final SnapshotStarter runs;

  /** {@code temporal} runs what starts or reads snapshot runs in Temporal. */
  public EffectHandlers(BlockingReplies blocking, BlockingReplies temporal, EffectStore effects, TagStore tags,
      VideoStore videos, SnapshotStarter runs) {
    this.blocking = blocking;
    this.temporal = temporal;
    this.effects = effects;
    this.published = new PublishedSnapshots(effects);
    this.tags = tags;
    this.videos = videos;
    this.runs = runs;
  }

  public void listSnapshots(RoutingContext ctx) {
    int limit = RequestParameters.of(ctx).queryInt("limit");
    blocking.json(ctx, 200, () -> EffectJson.snapshots(effects.snapshots(limit)));
  }

  public void getSnapshot(RoutingContext ctx) {
    long snapshotId = RequestParameters.of(ctx).pathLong("snapshotId");
    blocking.json(ctx, 200, () -> EffectJson.snapshot(effects.snapshot(snapshotId)
        .orElseThrow(() -> PublishedSnapshots.notFound("no snapshot " + snapshotId))));
  }

  public void startSnapshot(RoutingContext ctx) {
    EffectRequest request = SnapshotRequests.parse(RequestParameters.of(ctx).body());
    String name = SnapshotRunIds.newName(Instant.now(), ThreadLocalRandom.current());
    String workflowId = SnapshotRunIds.workflowId(name);
    temporal.json(ctx, 202, Map.of("Location", SnapshotRunIds.statusUrl(name)), () -> {
      try {
        runs.start(workflowId, request);
      } catch (OrchestratorUnavailableException e) {
        throw e.toProblem("the snapshot run could not be started; repeat the request");
      }
      return EffectJson.accepted(name, workflowId, request);
    });
  }

  public void snapshotRun(RoutingContext ctx) {
    String name = RequestParameters.of(ctx).path("run");
    String workflowId = SnapshotRunIds.workflowId(name);
    temporal.json(ctx, 200, () -> {
      try {
        return EffectJson.run(name, runs.run(workflowId)
            .orElseThrow(() -> PublishedSnapshots.notFound("no snapshot run " + workflowId)));
      } catch (OrchestratorUnavailableException e) {
        throw e.toProblem("the snapshot run could not be read; try again");
      }
    });
  }

  public void tagEffects(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    long tagId = params.pathLong("tagId");
    String segment = params.query("segment").orElse(null);
    Outcome outcome = params.query("outcome").map(EffectHandlers::outcome).orElse(null);
    Long snapshotId = params.queryLong("snapshot").orElse(null);
    boolean withQuarantined = TagHandlers.seesQuarantined(Principals.of(ctx));
    blocking.json(ctx, 200, () -> {
      // A quarantined tag is no tag to anyone but admins, here as in /v1/tags/{tagId}.
      TagSummary tag = tags.find(tagId)
          .filter(t -> withQuarantined || !t.quarantined())
          .orElseThrow(() -> PublishedSnapshots.notFound("no tag with id " + tagId));
      SnapshotInfo snapshot = published.resolve(snapshotId);
      if (segment != null) {
        PublishedSnapshots.requireSegment(snapshot, segment);
      }
      return EffectJson.tagEffects(tag, snapshot, effects.tagEffects(snapshot.snapshotId(), tagId, segment, outcome));
    });
  }

  public void rankEffects(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    String outcomeName = params.queryOrDefault("outcome");
    Outcome outcome = outcome(outcomeName);
    String segment = params.queryOrDefault("segment");
    EffectSort sort = EffectSort.fromWireName(params.queryOrDefault("sort"));
    int limit = params.queryInt("limit");
    boolean robustOnly = params.queryBooleanOrDefault("robust");
    Long snapshotId = params.queryLong("snapshot").orElse(null);
    blocking.json(ctx, 200, () -> {
      SnapshotInfo snapshot = published.resolve(snapshotId);
      PublishedSnapshots.requireSegment(snapshot, segment);
      return EffectJson.ranking(snapshot, outcome.label(), segment, sort, robustOnly,
          effects.ranking(snapshot.snapshotId(), outcome, segment, sort, robustOnly, limit));
    });
  }

  public void videoAttributions(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    String videoId = params.path("videoId");
    Long snapshotId = params.queryLong("snapshot").orElse(null);
    Principal principal = Principals.of(ctx);
    blocking.json(ctx, 200, () -> {
      StoredVideo video = videos.find(videoId).orElseThrow(() -> Principals.notFound(videoId));
      Principals.requireVideoOf(principal, video.video().creatorId(), videoId);
      SnapshotInfo snapshot = published.resolve(snapshotId);
      return EffectJson.attributions(videoId, snapshot, effects.attributions(snapshot.snapshotId(), videoId));
    });
  }

  /** An outcome the contract's enum allowed. */
  private static Outcome outcome(String label) {
    return Outcome.valueOf(label.toUpperCase(Locale.ROOT));
  }
}
