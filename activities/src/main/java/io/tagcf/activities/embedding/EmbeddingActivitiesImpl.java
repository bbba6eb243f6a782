package io.tagcf.activities.embedding;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.models.video.VideoText;

/** Embeds {@link VideoText} of the video, one text per call so that vectors are reproducible. */
public final class EmbeddingActivitiesImpl implements EmbeddingActivities {

  private final CurrentVideo current;
  private final Embedder embedder;

  public EmbeddingActivitiesImpl(CurrentVideo current, Embedder embedder) {
    this.current = current;
    this.embedder = embedder;
  }

  @Override
  public VideoEmbedding embedVideo(VideoRef ref) {
    String text = VideoText.of(current.enter(ref, IngestStage.EMBEDDING));
    float[] vector = embedder.embedOne(text);
    return new VideoEmbedding(embedder.model().name(), embedder.model().dimension(), vector);
  }
}
