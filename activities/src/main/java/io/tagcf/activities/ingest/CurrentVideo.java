package io.tagcf.activities.ingest;

import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.store.video.StoredVideo;
import io.tagcf.store.video.VideoRepository;

/**
 * Entry check of every ingest activity: the video must still have the content the run was
 * started for; the activity's stage is recorded before its work starts.
 */
public final class CurrentVideo {

  private final VideoRepository videos;

  public CurrentVideo(VideoRepository videos) {
    this.videos = videos;
  }

  /** Loads the video at {@code ref}'s content and records {@code stage}, or fails non-retryably. */
  public VideoSubmission enter(VideoRef ref, IngestStage stage) {
    StoredVideo stored = videos.find(ref.videoId()).orElseThrow(() -> IngestFailures.notFound(ref.videoId()));
    if (!stored.contentHash().equals(ref.contentHash())
        || !videos.advanceStage(ref.videoId(), ref.contentHash(), stage, null)) {
      throw IngestFailures.superseded(ref.videoId());
    }
    return stored.video();
  }
}
