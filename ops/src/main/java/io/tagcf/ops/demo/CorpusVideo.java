package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.video.LanguageDetector;
import io.tagcf.models.video.VideoSubmission;

/** One video of a sample corpus: its topic (for checking neighbours) and its upload body. */
public record CorpusVideo(String topic, ObjectNode upload) {

  public String videoId() {
    return upload.path("videoId").asText();
  }

  public String title() {
    return upload.path("title").asText();
  }

  /**
   * The upload as the pipeline receives it, under another id and creator; the language detected
   * when the corpus leaves it out.
   */
  public VideoSubmission submission(String videoId, String creatorId) {
    String language = text("language");
    return new VideoSubmission(videoId, creatorId, title(), text("description"), text("transcript"), text("coverText"),
        null, language != null ? language : LanguageDetector.detect(title()), null);
  }

  private String text(String field) {
    return upload.hasNonNull(field) ? upload.path(field).asText() : null;
  }
}
