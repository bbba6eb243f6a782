package io.tagcf.gateway.explanations;

import io.tagcf.gateway.access.Principals;
import io.tagcf.gateway.effects.EffectStore;
import io.tagcf.gateway.effects.OrchestratorUnavailableException;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.gateway.videos.VideoStore;
import io.tagcf.models.access.Principal;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.tagcf.workflowapi.explanations.ExplanationWorkflow;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Handlers of the explanation API: read a video's explanation, request one. Each resolves the
 * video first: a video the caller may not read (another creator's) answers exactly as a missing one.
 */
public final class ExplanationHandlers {

  private final BlockingReplies blocking;
  private final BlockingReplies temporal;
  private final VideoStore videos;
  private final EffectStore effects;
  private final ExplanationStore explanations;
  private final ExplanationStarter runs;
  private final ExplanationReads reads;

  /** {@code temporal} runs refreshes, which may start an explanation run. */
  public ExplanationHandlers(Vertx vertx, BlockingReplies blocking, BlockingReplies temporal, VideoStore videos,
      EffectStore effects, ExplanationStore explanations, ExplanationStarter runs) {
    this.blocking = blocking;
    this.temporal = temporal;
    this.videos = videos;
    this.effects = effects;
    this.explanations = explanations;
    this.runs = runs;
    this.reads = new ExplanationReads(vertx, blocking.lane(), videos, explanations);
  }

  /** A refresh's answer and where the explanation will be. */
  private record Accepted(JsonObject body, String location) {}

  public void get(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    String videoId = params.path("videoId");
    String requested = params.query("lang").orElse(null);
    Principal principal = Principals.of(ctx);
    // A remembered answer completes at once, on the event loop; a loaded one comes back to it.
    reads.read(videoId, requested).onComplete(read -> {
      if (read.failed()) {
        ctx.fail(read.cause());
        return;
      }
      ExplanationReads.Answer answer = read.result();
      if (!principal.mayAccessVideoOf(answer.ownerId())) {
        ctx.fail(Principals.notFound(videoId));
      } else if (answer.body().isEmpty()) {
        ctx.fail(new ProblemException(Problem.of(409, "No explanation yet", "video " + videoId + " has no "
            + answer.language() + " explanation yet; request one with POST " + refreshPath(videoId, answer.language()))));
      } else {
        ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json").end(answer.body().get());
      }
    });
  }

  public void refresh(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    String videoId = params.path("videoId");
    String requested = params.query("lang").orElse(null);
    Principal principal = Principals.of(ctx);
    temporal.run(ctx, () -> {
      String language = language(video(principal, videoId), requested);
      SnapshotInfo snapshot = effects.latestPublished().orElseThrow(() -> new ProblemException(Problem.of(409,
          "No published snapshot", "no effect snapshot has been published yet; explanations need one")));
      long snapshotId = snapshot.snapshotId();
      String workflowId = ExplanationWorkflow.workflowId(videoId, snapshotId, language);
      String status;
      if (explanations.exists(videoId, snapshotId, language)) {
        status = "ready";
      } else {
        try {
          status = runs.start(workflowId, new ExplanationRequest(videoId, snapshotId, language))
              == ExplanationStarter.Start.STARTED ? "started" : "running";
        } catch (OrchestratorUnavailableException e) {
          throw e.toProblem("the explanation run could not be started; repeat the request");
        }
      }
      return new Accepted(ExplanationJson.accepted(videoId, snapshotId, language, workflowId, status),
          explanationPath(videoId, language));
    }).onSuccess(accepted -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
        .putHeader("Location", accepted.location()).end(accepted.body().encode()));
  }

  /** The video, when the principal may see it; 404 alike for a missing video and another creator's. */
  private StoredVideo video(Principal principal, String videoId) {
    StoredVideo video = videos.find(videoId).orElseThrow(() -> Principals.notFound(videoId));
    Principals.requireVideoOf(principal, video.video().creatorId(), videoId);
    return video;
  }

  /** The language asked for, else the video's own. */
  private static String language(StoredVideo video, String requested) {
    return requested != null ? requested : ExplanationReads.ownLanguage(video);
  }

  private static String explanationPath(String videoId, String language) {
    return "/v1/videos/" + encode(videoId) + "/explanation?lang=" + language;
  }

  private static String refreshPath(String videoId, String language) {
    return "/v1/videos/" + encode(videoId) + "/explanation:refresh?lang=" + language;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
