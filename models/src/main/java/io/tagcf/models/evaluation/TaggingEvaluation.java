package io.tagcf.models.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision, recall and F1 at k of ranked tag predictions against gold labels, for one tag kind.
 *
 * <pre>
 *   precision@k(v) = hits / min(k, |pred(v)|)     (0 when v has no prediction)
 *   recall@k(v)    = hits / |gold(v)|              hits = |top-k of pred(v) ∩ gold(v)|
 *   P, R           = means over the gold videos;   F1 = 2PR / (P + R), 0 when P + R = 0
 * </pre>
 *
 * Labels are compared after {@link LabelNormaliser}; duplicates that normalisation creates count
 * once (a prediction list keeps its first occurrence, so "Cat", "cat", "dog" ranks dog second).
 * A gold video missing from the predictions scores zero; predictions for videos absent from gold
 * are ignored; a gold video with no (non-blank) label has nothing to recall and is not scored.
 * Dividing by min(k, |pred|) keeps a tagger that returns fewer than k tags from being charged
 * for tags it never claimed.
 */
public final class TaggingEvaluation {

  private TaggingEvaluation() {}

  public static KindScores atK(Map<String, List<String>> gold, Map<String, List<String>> predicted, int k) {
    if (gold == null) {
      throw new IllegalArgumentException("gold must not be null");
    }
    if (predicted == null) {
      throw new IllegalArgumentException("predicted must not be null");
    }
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1: " + k);
    }
    double precisionSum = 0;
    double recallSum = 0;
    int videos = 0;
    for (Map.Entry<String, List<String>> entry : gold.entrySet()) {
      String video = entry.getKey();
      Set<String> goldLabels = normalised(video, "gold", entry.getValue());
      if (goldLabels.isEmpty()) {
        continue;
      }
      videos++;
      List<String> pred = new ArrayList<>(normalised(video, "predicted", predicted.get(video)));
      if (pred.isEmpty()) {
        continue;
      }
      List<String> top = pred.subList(0, Math.min(k, pred.size()));
      long hits = top.stream().filter(goldLabels::contains).count();
      precisionSum += (double) hits / top.size();
      recallSum += (double) hits / goldLabels.size();
    }
    if (videos == 0) {
      return new KindScores(k, 0, 0, 0, 0);
    }
    double p = precisionSum / videos;
    double r = recallSum / videos;
    double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    return new KindScores(k, Math.min(1, p), Math.min(1, r), Math.min(1, f1), videos);
  }

  private static Set<String> normalised(String video, String side, List<String> labels) {
    Set<String> out = new LinkedHashSet<>();
    if (labels == null) {
      return out;
    }
    for (String label : labels) {
      if (label == null) {
        throw new IllegalArgumentException(side + " labels of video " + video + " contain null");
      }
      String n = LabelNormaliser.normalise(label);
      if (!n.isEmpty()) {
        out.add(n);
      }
    }
    return out;
  }
}
