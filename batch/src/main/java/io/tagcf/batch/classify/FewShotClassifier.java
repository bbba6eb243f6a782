package io.tagcf.batch.classify;

import io.tagcf.batch.Progress;
import io.tagcf.models.embedding.Embedder;
import io.tagcf.models.embedding.UnitVectors;
import io.tagcf.models.tagging.neighbours.ExemplarIndex;
import io.tagcf.models.tagging.neighbours.LabelledExemplar;
import io.tagcf.models.tagging.neighbours.NeighbourVotes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Few-shot: labelled examples teach the labels. Either the {@code k} nearest examples vote,
 * weighted by similarity as the offline tagger's neighbours do ({@link Method#KNN}; score = the
 * winning label's share of the vote), or each label is the mean of its examples' vectors and the
 * nearest wins ({@link Method#PROTOTYPE}; score = cosine). An input line with the id of a training
 * line does not see itself, so the training file classified against itself is leave-one-out.
 */
public final class FewShotClassifier implements Classifier {

  public enum Method { KNN, PROTOTYPE }

  /** Similarity gap at which a neighbour's vote weighs 1/e as much (as in the offline tagger). */
  static final double TEMPERATURE = 0.05;

  private final Embedder embedder;
  private final LabelSet labels;
  private final Method method;
  private final int k;
  private final int examples;
  private final ExemplarIndex index;
  /** Per label, the sum of its examples' vectors, their number and their unit mean; per example id, the example. */
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private final Map<String, float[]> prototypes = new LinkedHashMap<>();
  private final Map<String, LabelledExemplar> byId = new LinkedHashMap<>();
  private final boolean progress;

  public FewShotClassifier(Embedder embedder, LabelSet labels, List<TextItem> training, Method method, int k, boolean progress) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be positive");
    }
    this.embedder = embedder;
    this.labels = labels;
    this.method = method;
    this.k = k;
    this.examples = training.size();
    this.progress = progress;
    List<LabelledExemplar> exemplars = new ArrayList<>(training.size());
    try (Progress bar = Progress.of("embed examples", training.size(), progress)) {
      for (TextItem t : training) {
        // One text per call: a batched vector would depend on its batch-mates.
        float[] v = embedder.embedOne(t.text());
        LabelledExemplar e = new LabelledExemplar(t.id().asText(), v, Set.of(t.gold()), Set.of());
        exemplars.add(e);
        byId.put(e.key(), e);
        double[] sum = sums.computeIfAbsent(t.gold(), g -> new double[v.length]);
        for (int i = 0; i < v.length; i++) {
          sum[i] += v[i];
        }
        counts.merge(t.gold(), 1, Integer::sum);
        bar.step();
      }
    }
    this.index = new ExemplarIndex(exemplars);
    sums.forEach((label, sum) -> prototypes.put(label, unitMean(sum, null)));
  }

  /** The unit vector along {@code sum}, less {@code leftOut} when given. */
  private static float[] unitMean(double[] sum, float[] leftOut) {
    float[] p = new float[sum.length];
    for (int i = 0; i < sum.length; i++) {
      p[i] = (float) (leftOut == null ? sum[i] : sum[i] - leftOut[i]);
    }
    return UnitVectors.normaliseInPlace(p);
  }

  @Override
  public List<Prediction> classify(List<TextItem> items) {
    List<Prediction> out = new ArrayList<>(items.size());
    try (Progress bar = Progress.of("classify", items.size(), progress)) {
      for (TextItem item : items) {
        float[] v = embedder.embedOne(item.text());
        out.add(method == Method.KNN ? nearestVote(v, item.id().asText()) : nearestPrototype(v, byId.get(item.id().asText())));
        bar.step();
      }
    }
    return out;
  }

  private Prediction nearestVote(float[] v, String self) {
    NeighbourVotes votes = NeighbourVotes.of(index.nearest(v, k, self), TEMPERATURE, -1);
    LabelSet.Label best = null;
    double bestShare = -1;
    for (LabelSet.Label l : labels.labels()) {
      double share = votes.category(l.name());
      if (share > bestShare) {
        bestShare = share;
        best = l;
      }
    }
    return new Prediction(best, Math.round(bestShare * 10_000) / 10_000.0);
  }

  /** {@code self}: the text's own training example (may be null), left out of its label's mean. */
  private Prediction nearestPrototype(float[] v, LabelledExemplar self) {
    LabelSet.Label best = null;
    double bestSim = -2;
    for (LabelSet.Label l : labels.labels()) {
      float[] prototype = prototypes.get(l.name());
      boolean own = self != null && self.categories().contains(l.name());
      if (prototype == null || (own && counts.get(l.name()) == 1)) {
        continue;
      }
      double sim = UnitVectors.cosine(v, own ? unitMean(sums.get(l.name()), self.vector()) : prototype);
      if (sim > bestSim) {
        bestSim = sim;
        best = l;
      }
    }
    return new Prediction(best, Math.round(bestSim * 10_000) / 10_000.0);
  }

  @Override
  public String description() {
    return String.format(Locale.ROOT, "few-shot %s (%d examples, %s)",
        method == Method.KNN ? "k-nearest neighbours, k=" + k : "class prototypes", examples, embedder.model().name());
  }
}
