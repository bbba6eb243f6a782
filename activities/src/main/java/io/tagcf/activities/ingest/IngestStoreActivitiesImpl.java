package io.tagcf.activities.ingest;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.store.ingest.IngestResultWriter;
import io.tagcf.store.video.VideoRepository;

/** Writes through {@link IngestResultWriter}; a stale run is told so and writes nothing. */
public final class IngestStoreActivitiesImpl implements IngestStoreActivities {

  private static final int MAX_REASON = 2_000;

  private final IngestResultWriter writer;
  private final VideoRepository videos;

  public IngestStoreActivitiesImpl(IngestResultWriter writer, VideoRepository videos) {
    this.writer = writer;
    this.videos = videos;
  }

  @Override
  public void storeResults(VideoRef ref, NormalisedTags tags, VideoEmbedding embedding) {
    if (!writer.write(ref.videoId(), ref.contentHash(), tags, embedding)) {
      throw IngestFailures.superseded(ref.videoId());
    }
  }

  @Override
  public ContentRevision currentContent(String videoId) {
    return videos.currentContent(videoId).orElse(null);
  }

  @Override
  public void markFailed(VideoRef ref, String reason) {
    String r = reason == null ? "unknown" : reason;
    videos.advanceStage(
        ref.videoId(), ref.contentHash(), IngestStage.FAILED,
        r.length() > MAX_REASON ? r.substring(0, MAX_REASON) : r);
  }
}
