package io.tagcf.activities.embedding;

import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.EmbeddingModelInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the most recent single-text embeddings. Tagging embeds a video's text and the
 * embedding step embeds the same text moments later in the same worker; the second pass is the
 * single most expensive thing an ingest would otherwise do twice. Batches pass through: their
 * vectors depend on the batch (see {@link OnnxEmbedder}).
 */
public final class CachingEmbedder implements Embedder {

  private final Embedder delegate;
  private final Map<String, float[]> recent;

  public CachingEmbedder(Embedder delegate, int capacity) {
    this.delegate = delegate;
    this.recent = new LinkedHashMap<>(capacity * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public EmbeddingModelInfo model() {
    return delegate.model();
  }

  @Override
  public List<float[]> embedBatch(List<String> texts) {
    return delegate.embedBatch(texts);
  }

  @Override
  public float[] embedOne(String text) {
    synchronized (recent) {
      float[] hit = recent.get(text);
      if (hit != null) {
        return hit.clone();
      }
    }
    float[] v = delegate.embedOne(text);
    synchronized (recent) {
      recent.put(text, v.clone());
    }
    return v;
  }
}
