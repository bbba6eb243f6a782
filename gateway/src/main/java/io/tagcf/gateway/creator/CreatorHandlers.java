package io.tagcf.gateway.creator;

import io.tagcf.gateway.access.Principals;
import io.tagcf.gateway.effects.EffectStore;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.models.access.Principal;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.SnapshotInfo;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * The creator API: a creator's own videos, and what their tags did for them. The creator is the
 * key's; these routes take no creator id, so none can name another.
 */
public final class CreatorHandlers {

  private final BlockingReplies blocking;
  private final VideoStore videos;
  private final EffectStore effects;

  public CreatorHandlers(BlockingReplies blocking, VideoStore videos, EffectStore effects) {
    this.blocking = blocking;
    this.videos = videos;
    this.effects = effects;
  }

  public void videos(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    int page = params.queryInt("page");
    int size = params.queryInt("size");
    Principal principal = Principals.of(ctx);
    blocking.json(ctx, 200, () -> CreatorJson.videos(
        videos.ofCreator(principal.creatorId(), (page - 1) * size, size), page, size,
        videos.countOfCreator(principal.creatorId())));
  }

  public void insights(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    Outcome outcome = Outcome.valueOf(params.queryOrDefault("outcome").toUpperCase(Locale.ROOT));
    Principal principal = Principals.of(ctx);
    blocking.json(ctx, 200, () -> {
      SnapshotInfo snapshot = effects.latestPublished().orElseThrow(() -> new ProblemException(Problem.of(409,
          "No published snapshot", "no effect snapshot has been published yet; insights need one")));
      return CreatorJson.insights(principal.creatorId(), snapshot, outcome.label(),
          effects.creatorInsights(snapshot.snapshotId(), principal.creatorId(), outcome));
    });
  }
}
