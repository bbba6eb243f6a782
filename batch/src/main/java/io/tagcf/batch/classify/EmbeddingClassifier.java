package io.tagcf.batch.classify;

import io.tagcf.batch.Progress;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.UnitVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot: the label whose text (description, else name) is most cosine-similar to the text,
 * both embedded with the same model. One text per model call: the default model is dynamically
 * quantized, so a batched vector depends on its batch-mates, and a text's label would depend on
 * which other lines happen to share its file.
 */
public final class EmbeddingClassifier implements Classifier {

  private final Embedder embedder;
  private final LabelSet labels;
  private final List<float[]> labelVectors;
  private final boolean progress;

  public EmbeddingClassifier(Embedder embedder, LabelSet labels, boolean progress) {
    this.embedder = embedder;
    this.labels = labels;
    this.labelVectors = labels.labels().stream().map(l -> embedder.embedOne(l.matchText())).toList();
    this.progress = progress;
  }

  @Override
  public List<Prediction> classify(List<TextItem> items) {
    List<Prediction> out = new ArrayList<>(items.size());
    try (Progress bar = Progress.of("classify", items.size(), progress)) {
      for (TextItem item : items) {
        out.add(classifyOne(item.text()));
        bar.step();
      }
    }
    return out;
  }

  Prediction classifyOne(String text) {
    return best(embedder.embedOne(text));
  }

  private Prediction best(float[] text) {
    int best = 0;
    double bestSim = -2;
    for (int i = 0; i < labelVectors.size(); i++) {
      double sim = UnitVectors.cosine(text, labelVectors.get(i));
      if (sim > bestSim) {
        bestSim = sim;
        best = i;
      }
    }
    return new Prediction(labels.labels().get(best), Math.round(bestSim * 10_000) / 10_000.0);
  }

  @Override
  public String description() {
    return "embedding (" + embedder.model().name() + ")";
  }
}
