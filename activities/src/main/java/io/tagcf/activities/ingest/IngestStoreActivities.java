package io.tagcf.activities.ingest;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Persists the outcome of an ingest run. */
@ActivityInterface
public interface IngestStoreActivities {

  /** Writes tags, embedding and the final stage in one transaction. */
  @ActivityMethod
  void storeResults(VideoRef video, NormalisedTags tags, VideoEmbedding embedding);

  /** The video's content as stored now; null when the video is gone. */
  @ActivityMethod
  ContentRevision currentContent(String videoId);

  /** Records that the run failed, with a reason an operator can act on. */
  @ActivityMethod
  void markFailed(VideoRef video, String reason);
}
