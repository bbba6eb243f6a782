package io.tagcf.batch.classify;

import java.util.List;

/** How many texts with a gold label got it right, with a 95% Wilson score interval. */
public record Accuracy(int correct, int labelled) {

  private static final double Z_95 = 1.959964;

  /** Over the texts that have a gold label; {@code labelled} is 0 when none has. */
  public static Accuracy of(List<TextItem> items, List<Prediction> predictions) {
    int n = 0;
    int correct = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).gold() != null) {
        n++;
        correct += items.get(i).gold().equals(predictions.get(i).label().name()) ? 1 : 0;
      }
    }
    return new Accuracy(correct, n);
  }

  public double value() {
    return (double) correct / labelled;
  }

  /**
   * Wilson score interval for a proportion: sensible at small n and near 0 or 1, unlike p ± 2 SE
   * (Wilson 1927; Brown, Cai and DasGupta 2001).
   */
  public double[] wilson95() {
    double z = Z_95;
    int n = labelled;
    double p = value();
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
