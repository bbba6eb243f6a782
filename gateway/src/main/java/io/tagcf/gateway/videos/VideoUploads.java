package io.tagcf.gateway.videos;

import io.micrometer.core.instrument.MeterRegistry;
import io.tagcf.gateway.ingest.IngestStarter;
import io.tagcf.gateway.ingest.IngestUnavailableException;
import io.tagcf.models.video.ContentFingerprint;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.video.CreatorMismatchException;
import io.tagcf.store.video.UploadDecision;
import java.util.Locale;

/**
 * Accepts an upload: stores it, then starts or restarts its ingest when the stored state says the
 * content needs one. Storing first means a failed start is repaired by repeating the upload, which
 * then resumes the run.
 */
public final class VideoUploads {

  private final VideoStore videos;
  private final IngestStarter ingest;
  private final MeterRegistry metrics;

  public VideoUploads(VideoStore videos, IngestStarter ingest, MeterRegistry metrics) {
    this.videos = videos;
    this.ingest = ingest;
    this.metrics = metrics;
  }

  /**
   * Blocking: hashes the content (up to 256 KiB of text), writes to the database and calls the
   * orchestrator.
   *
   * @throws CreatorMismatchException when the video id belongs to another creator
   * @throws IngestUnavailableException when the video was stored but its ingest not started
   */
  public AcceptedUpload accept(VideoSubmission video) {
    String workflowId = ingest.workflowId(video.videoId());
    String hash = ContentFingerprint.of(video);
    UploadDecision decision = videos.recordUpload(video, hash, workflowId);
    if (decision.needsIngest()) {
      ingest.requestIngest(video.videoId(), hash, decision.revision());
    }
    metrics.counter("tagcf.uploads", "outcome", decision.kind().name().toLowerCase(Locale.ROOT)).increment();
    return new AcceptedUpload(video.videoId(), workflowId, decision.kind());
  }
}
