package io.tagcf.gateway.videos;

import io.micrometer.core.instrument.MeterRegistry;
import io.tagcf.gateway.ingest.IngestStarter;
import io.tagcf.gateway.ingest.IngestUnavailableException;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.video.ContentFingerprint;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.VideoEmbeddingRepository;
import io.tagcf.store.tags.VideoTagRepository;
import io.tagcf.store.video.CreatorMismatchException;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.store.video.UploadDecision;
import io.tagcf.store.video.VideoRepository;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;
import java.util.concurrent.Callable;

/** Handlers of the /v1/videos routes. JDBC and Temporal calls run on worker threads. */
public final class VideoHandlers {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(VideoHandlers.class);

  private final Vertx vertx;
  private final VideoRepository videos;
  private final VideoTagRepository tags;
  private final VideoEmbeddingRepository embeddings;
  private final String embeddingModel;
  private final IngestStarter ingest;
  private final MeterRegistry metrics;

  public VideoHandlers(
      Vertx vertx, VideoRepository videos, VideoTagRepository tags,
      VideoEmbeddingRepository embeddings, String embeddingModel, IngestStarter ingest,
      MeterRegistry metrics) {
    this.vertx = vertx;
    this.videos = videos;
    this.tags = tags;
    this.embeddings = embeddings;
    this.embeddingModel = embeddingModel;
    this.ingest = ingest;
    this.metrics = metrics;
  }

  public void upload(RoutingContext ctx) {
    JsonObject body = validated(ctx).getBody().getJsonObject();
    VideoSubmission video = UploadParser.parse(body);
    String workflowId = ingest.workflowId(video.videoId());
    blocking(ctx, () -> {
      // Hashing up to 256 KiB of text is kept off the event loop too.
      String hash = ContentFingerprint.of(video);
      UploadDecision decision;
      try {
        decision = videos.upsertForIngest(video, hash, workflowId);
      } catch (CreatorMismatchException e) {
        throw new ProblemException(
            Problem.of(409, "Conflict", "videoId " + video.videoId() + " belongs to another creator"));
      }
      if (decision.needsIngest()) {
        try {
          ingest.requestIngest(video.videoId(), hash);
        } catch (IngestUnavailableException e) {
          log.warn("ingest of video {} could not be started: {}", video.videoId(), e.getCause().toString());
          throw new ProblemException(
              Problem.of(503, "Service unavailable",
                  "the video was stored but its ingest could not be started; repeat the upload"));
        }
      }
      metrics.counter("tagcf.uploads", "outcome", decision.kind().name().toLowerCase()).increment();
      return decision;
    }).onSuccess(decision -> {
      String status = "/v1/videos/" + video.videoId();
      ctx.response()
          .setStatusCode(202)
          .putHeader("Content-Type", "application/json")
          .putHeader("Location", status)
          .end(new JsonObject()
              .put("videoId", video.videoId())
              .put("workflowId", workflowId)
              .put("status", status)
              .put("ingest", switch (decision.kind()) {
                case CREATED -> "started";
                case CHANGED, REQUEUED -> "restarted";
                case RESUMED -> "running";
                case UNCHANGED -> "unchanged";
              })
              .encode());
    });
  }

  public void get(RoutingContext ctx) {
    String videoId = validated(ctx).getPathParameters().get("videoId").getString();
    blocking(ctx, () -> {
      StoredVideo stored = videos.find(videoId).orElseThrow(() -> notFound(videoId));
      return VideoJson.video(stored, tags.tagsOf(videoId));
    }).onSuccess(json -> ok(ctx, json));
  }

  public void similar(RoutingContext ctx) {
    ValidatedRequest request = validated(ctx);
    String videoId = request.getPathParameters().get("videoId").getString();
    var kParam = request.getQuery().get("k");
    int k = kParam == null || kParam.isNull() ? 10 : kParam.getInteger();
    blocking(ctx, () -> {
      StoredVideo stored = videos.find(videoId).orElseThrow(() -> notFound(videoId));
      var items = embeddings.similar(videoId, embeddingModel, k);
      if (items.isEmpty() && stored.stage() != IngestStage.DONE) {
        throw new ProblemException(
            Problem.of(409, "Conflict",
                "video " + videoId + " has no embedding yet (stage " + stored.stage().wireName() + ")"));
      }
      return VideoJson.similar(items);
    }).onSuccess(json -> ok(ctx, json));
  }

  private static ProblemException notFound(String videoId) {
    return new ProblemException(Problem.of(404, "Not found", "no video with id " + videoId));
  }

  private static ValidatedRequest validated(RoutingContext ctx) {
    return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
  }

  private static void ok(RoutingContext ctx, JsonObject json) {
    ctx.response().putHeader("Content-Type", "application/json").end(json.encode());
  }

  /** Runs blocking work off the event loop; its failure goes to the problem handler. */
  private <T> Future<T> blocking(RoutingContext ctx, Callable<T> work) {
    return vertx.executeBlocking(work, false).onFailure(ctx::fail);
  }
}
