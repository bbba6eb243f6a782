package io.tagcf.activities;

import io.tagcf.activities.embedding.OnnxEmbedder;
import io.tagcf.activities.embedding.OnnxModelSpec;

/** The default ONNX model, loaded once per test JVM (loading takes about a second). */
public final class SharedEmbedder {

  private static OnnxEmbedder embedder;

  private SharedEmbedder() {}

  public static synchronized OnnxEmbedder get() {
    if (embedder == null) {
      embedder = OnnxEmbedder.load(OnnxModelSpec.DEFAULT);
    }
    return embedder;
  }
}
