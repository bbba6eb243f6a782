package io.tagcf.activities.embedding;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tagging.text.CaptionNoise;
import io.tagcf.models.tagging.text.DocumentText;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;

/**
 * Embeds the video's {@link DocumentText} (its {@link io.tagcf.models.video.VideoText} without
 * mentions and boilerplate hashtags), one text per call so that vectors are reproducible. It is
 * the text the offline tagger embeds just before, so the vector usually comes from the cache, and
 * the text labelled exemplars are embedded from, so a video that joins them is comparable.
 */
public final class EmbeddingActivitiesImpl implements EmbeddingActivities {

  private final CurrentVideo current;
  private final Embedder embedder;
  private final CaptionNoise noise;

  public EmbeddingActivitiesImpl(CurrentVideo current, Embedder embedder, CaptionNoise noise) {
    this.current = current;
    this.embedder = embedder;
    this.noise = noise;
  }

  @Override
  public VideoEmbedding embedVideo(VideoRef ref) {
    String text = DocumentText.of(current.enter(ref, IngestStage.EMBEDDING), noise);
    float[] vector = embedder.embedOne(text);
    return new VideoEmbedding(embedder.model().name(), embedder.model().dimension(), vector);
  }
}
