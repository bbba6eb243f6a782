package io.tagcf.models.tagging.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the offline tagger's raw scores into the share of tags with that raw score that turn out
 * right: a monotone step function fitted by isotonic regression (pool adjacent violators; Zadrozny
 * and Elkan 2002), read between the fitted points by linear interpolation. "Right" is measured
 * where labels exist: the tag's category agrees with the platform's category of the video.
 */
public final class ScoreCalibration {

  /** Raw scores as they are. */
  public static final ScoreCalibration IDENTITY = new ScoreCalibration(new double[] {0, 1}, new double[] {0, 1});
  public static final String BUNDLED_RESOURCE = "/io/tagcf/models/tagging/score-calibration.tsv";

  private final double[] raw;
  private final double[] calibrated;

  private ScoreCalibration(double[] raw, double[] calibrated) {
    this.raw = raw;
    this.calibrated = calibrated;
  }

  /** The map fitted on the bundled reference captions (docs/TAGGING.md). */
  public static ScoreCalibration bundled() {
    return Bundled.MAP;
  }

  private static final class Bundled {
    static final ScoreCalibration MAP = load();
  }

  private static ScoreCalibration load() {
    try (InputStream in = ScoreCalibration.class.getResourceAsStream(BUNDLED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + BUNDLED_RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fits the map to outcomes: {@code scores[i]} was right when {@code right[i]}. Pool adjacent
   * violators over the scores in order gives blocks of equal fitted value; each block is one
   * point (its mean score, its share right).
   */
  public static ScoreCalibration fit(double[] scores, boolean[] right) {
    if (scores.length != right.length || scores.length == 0) {
      throw new IllegalArgumentException("need as many outcomes as scores, and at least one");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    // Equal scores are one observation of their pooled outcome: a tie must map to one value.
    // Blocks as parallel stacks: sum of scores, sum of outcomes, count.
    double[] sumX = new double[scores.length];
    double[] sumY = new double[scores.length];
    int[] count = new int[scores.length];
    int blocks = 0;
    for (int i = 0; i < order.length; ) {
      double score = scores[order[i]];
      int n = 0;
      double rights = 0;
      for (; i < order.length && scores[order[i]] == score; i++) {
        n++;
        rights += right[order[i]] ? 1 : 0;
      }
      sumX[blocks] = score * n;
      sumY[blocks] = rights;
      count[blocks] = n;
      blocks++;
      while (blocks > 1 && sumY[blocks - 2] / count[blocks - 2] >= sumY[blocks - 1] / count[blocks - 1]) {
        sumX[blocks - 2] += sumX[blocks - 1];
        sumY[blocks - 2] += sumY[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        blocks--;
      }
    }
    double[] x = new double[blocks];
    double[] y = new double[blocks];
    for (int b = 0; b < blocks; b++) {
      x[b] = sumX[b] / count[b];
      y[b] = sumY[b] / count[b];
    }
    return new ScoreCalibration(x, y);
  }

  public double apply(double score) {
    if (score <= raw[0]) {
      return calibrated[0];
    }
    if (score >= raw[raw.length - 1]) {
      return calibrated[calibrated.length - 1];
    }
    int hi = Arrays.binarySearch(raw, score);
    if (hi >= 0) {
      return calibrated[hi];
    }
    hi = -hi - 1;
    int lo = hi - 1;
    double t = (score - raw[lo]) / (raw[hi] - raw[lo]);
    return calibrated[lo] + t * (calibrated[hi] - calibrated[lo]);
  }

  /** The fitted points, one "raw TAB calibrated" line each. */
  public String toTsv() {
    StringBuilder sb = new StringBuilder("# raw score\tshare right (isotonic fit; docs/TAGGING.md)\n");
    for (int i = 0; i < raw.length; i++) {
      sb.append(raw[i]).append('\t').append(calibrated[i]).append('\n');
    }
    return sb.toString();
  }

  public static ScoreCalibration read(Reader reader) throws IOException {
    List<double[]> points = new ArrayList<>();
    BufferedReader r = new BufferedReader(reader);
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.strip().split("\t");
      points.add(new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
    }
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a calibration needs at least one point");
    }
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = points.get(i)[0];
      y[i] = points.get(i)[1];
      if (i > 0 && (x[i] <= x[i - 1] || y[i] < y[i - 1])) {
        throw new IllegalArgumentException("calibration points must rise: line " + (i + 1));
      }
    }
    return new ScoreCalibration(x, y);
  }

  public int points() {
    return raw.length;
  }
}
