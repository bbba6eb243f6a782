package io.tagcf.models.ranking.evaluation;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The relative lift of a metric, mean(treated) / mean(base) − 1 over users, with a percentile
 * bootstrap 95% interval that resamples users (both arms of a user move together: the comparison
 * is paired).
 */
public record LiftInterval(double lift, double low, double high, int resamples) {

  public static LiftInterval of(double[] base, double[] treated, int resamples, long seed) {
    if (base.length != treated.length || base.length == 0) {
      throw new IllegalArgumentException("the arms need the same, non-zero number of users");
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("at least 100 bootstrap resamples: " + resamples);
    }
    int n = base.length;
    double[] lifts = new double[resamples];
    SplittableRandom random = new SplittableRandom(seed);
    for (int b = 0; b < resamples; b++) {
      double sb = 0;
      double st = 0;
      for (int k = 0; k < n; k++) {
        int u = random.nextInt(n);
        sb += base[u];
        st += treated[u];
      }
      lifts[b] = sb > 0 ? st / sb - 1 : Double.NaN;
    }
    Arrays.sort(lifts);
    double point = Arrays.stream(base).sum() > 0 ? Arrays.stream(treated).sum() / Arrays.stream(base).sum() - 1 : Double.NaN;
    return new LiftInterval(point, quantile(lifts, 0.025), quantile(lifts, 0.975), resamples);
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  public boolean aboveZero() {
    return low > 0;
  }
}
