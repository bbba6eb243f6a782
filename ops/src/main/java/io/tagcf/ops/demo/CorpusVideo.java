package io.tagcf.ops.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One video of a sample corpus: its topic (for checking neighbours) and its upload body. */
public record CorpusVideo(String topic, ObjectNode upload) {

  public String videoId() {
    return upload.path("videoId").asText();
  }

  public String title() {
    return upload.path("title").asText();
  }
}
