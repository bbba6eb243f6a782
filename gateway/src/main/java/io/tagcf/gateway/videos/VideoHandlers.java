package io.tagcf.gateway.videos;

import io.tagcf.gateway.access.Principals;
import io.tagcf.gateway.http.BlockingReplies;
import io.tagcf.gateway.http.RequestParameters;
import io.tagcf.gateway.ingest.IngestUnavailableException;
import io.tagcf.gateway.problem.Problem;
import io.tagcf.gateway.problem.ProblemException;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import io.tagcf.models.video.FieldViolation;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.embedding.SimilarVideo;
import io.tagcf.store.video.CreatorMismatchException;
import io.tagcf.store.video.StoredVideo;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Handlers of the /v1/videos routes. */
public final class VideoHandlers {

  private static final Logger log = LoggerFactory.getLogger(VideoHandlers.class);

  private final BlockingReplies blocking;
  private final BlockingReplies temporal;
  private final VideoStore videos;
  private final VideoUploads uploads;

  /** {@code temporal} runs uploads, whose work ends in signalling the ingest workflow. */
  public VideoHandlers(BlockingReplies blocking, BlockingReplies temporal, VideoStore videos, VideoUploads uploads) {
    this.blocking = blocking;
    this.temporal = temporal;
    this.videos = videos;
    this.uploads = uploads;
  }

  public void upload(RoutingContext ctx) {
    VideoSubmission video = UploadParser.parse(withOwner(Principals.of(ctx), RequestParameters.of(ctx).body()));
    String location = "/v1/videos/" + video.videoId();
    temporal.json(ctx, 202, Map.of("Location", location),
        () -> VideoJson.accepted(accept(video), location));
  }

  public void get(RoutingContext ctx) {
    String videoId = RequestParameters.of(ctx).path("videoId");
    Principal principal = Principals.of(ctx);
    blocking.json(ctx, 200, () -> {
      StoredVideo stored = visible(principal, videoId);
      return VideoJson.video(stored, videos.tagsOf(videoId));
    });
  }

  public void similar(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    String videoId = params.path("videoId");
    int k = params.queryInt("k");
    Principal principal = Principals.of(ctx);
    blocking.json(ctx, 200, () -> {
      StoredVideo stored = visible(principal, videoId);
      List<SimilarVideo> items = videos.nearest(videoId, k, principal.creatorId());
      if (items.isEmpty() && stored.stage() != IngestStage.DONE) {
        throw new ProblemException(
            Problem.of(409, "Conflict",
                "video " + videoId + " has no embedding yet (stage " + stored.stage().wireName() + ")"));
      }
      return VideoJson.similar(items);
    });
  }

  private AcceptedUpload accept(VideoSubmission video) {
    try {
      return uploads.accept(video);
    } catch (CreatorMismatchException e) {
      throw new ProblemException(
          Problem.of(409, "Conflict", "videoId " + video.videoId() + " belongs to another creator"));
    } catch (IngestUnavailableException e) {
      log.warn("ingest of video {} could not be started: {}", video.videoId(),
          Objects.toString(e.getCause(), e.getMessage()));
      throw new ProblemException(
          Problem.of(503, "Service unavailable",
              "the video was stored but its ingest could not be started; repeat the upload"));
    }
  }

  /** The video, when the principal may see it; 404 alike for a missing video and another creator's. */
  private StoredVideo visible(Principal principal, String videoId) {
    StoredVideo stored = videos.find(videoId).orElseThrow(() -> Principals.notFound(videoId));
    Principals.requireVideoOf(principal, stored.video().creatorId(), videoId);
    return stored;
  }

  /**
   * The upload's owner comes from a creator's key, never from the body: a creator key uploads as
   * its creator (a body naming another is refused); a service or admin key names the creator.
   */
  private static JsonObject withOwner(Principal principal, JsonObject body) {
    String named = body.getString("creatorId");
    if (principal.role() != AccessRole.CREATOR) {
      if (named == null) {
        throw new ProblemException(Problem.invalid(List.of(new FieldViolation("creatorId",
            "required with a service or admin key: the creator the video belongs to"))));
      }
      return body;
    }
    if (named != null && !named.equals(principal.creatorId())) {
      throw new ProblemException(Problem.invalid(List.of(new FieldViolation("creatorId",
          "a creator key uploads as its own creator; omit creatorId or send your own"))));
    }
    return body.copy().put("creatorId", principal.creatorId());
  }
}
