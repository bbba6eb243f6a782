package io.tagcf.models.tagging.calibration;

import java.util.ArrayList;
import java.util.List;

/**
 * How well scores match outcomes: scores in ten equal bins over [0, 1], each with its mean score
 * and its share right; the expected calibration error is the count-weighted mean gap between the
 * two (Naeini et al. 2015).
 */
public final class ReliabilityDiagram {

  public static final int BINS = 10;

  public record Bin(double from, double to, int count, double meanScore, double shareRight) {}

  private final double[] sumScore = new double[BINS];
  private final int[] right = new int[BINS];
  private final int[] count = new int[BINS];

  public synchronized void add(double score, boolean isRight) {
    int b = Math.min(BINS - 1, Math.max(0, (int) Math.floor(score * BINS)));
    sumScore[b] += score;
    right[b] += isRight ? 1 : 0;
    count[b]++;
  }

  public synchronized List<Bin> bins() {
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < BINS; b++) {
      out.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, count[b],
          count[b] == 0 ? Double.NaN : sumScore[b] / count[b], count[b] == 0 ? Double.NaN : (double) right[b] / count[b]));
    }
    return out;
  }

  /** Expected calibration error: sum over bins of (count / total) * |mean score - share right|. */
  public synchronized double expectedCalibrationError() {
    int total = 0;
    double gap = 0;
    for (int b = 0; b < BINS; b++) {
      total += count[b];
      if (count[b] > 0) {
        gap += Math.abs(sumScore[b] / count[b] - (double) right[b] / count[b]) * count[b];
      }
    }
    return total == 0 ? Double.NaN : gap / total;
  }

  public synchronized int total() {
    int n = 0;
    for (int c : count) {
      n += c;
    }
    return n;
  }
}
