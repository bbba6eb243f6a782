package io.tagcf.activities.embedding;

import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.video.VideoRef;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Embeds a video's text with the configured ONNX model. */
@ActivityInterface
public interface EmbeddingActivities {

  @ActivityMethod
  VideoEmbedding embedVideo(VideoRef video);
}
