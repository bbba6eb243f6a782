package io.tagcf.models.causal.diagnostics;

import java.util.Arrays;

/**
 * The optimal overlap trimming of Crump, Hotz, Imbens and Mitnik (2009, "Dealing with limited
 * overlap in estimation of average treatment effects", Biometrika 96:187-199): keep the rows whose
 * propensity e lies in [alpha, 1 - alpha], with alpha chosen to minimise the asymptotic variance of
 * the ATE on the kept population. With g = 1 / (e (1 - e)): alpha = 0 when max g &lt;= 2 E[g];
 * otherwise gamma = 1 / (alpha (1 - alpha)) solves gamma = 2 E[g | g &lt;= gamma], and
 * alpha = 1/2 - sqrt(1/4 - 1/gamma). The estimand becomes the ATE of the kept rows.
 *
 * @param alpha the bound; 0 when no row is dropped
 * @param kept row indices in [alpha, 1 - alpha], ascending
 */
public record CrumpTrimming(double alpha, int[] kept, int droppedTreated, int droppedControl) {

  public static CrumpTrimming of(double[] propensity, double[] treatment) {
    int n = propensity.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      double e = Math.min(Math.max(propensity[i], 1e-12), 1 - 1e-12);
      g[i] = 1 / (e * (1 - e));
    }
    double[] sorted = g.clone();
    Arrays.sort(sorted);
    double total = 0;
    for (double v : sorted) {
      total += v;
    }
    double alpha = 0;
    if (sorted[n - 1] > 2 * total / n) {
      // The smallest gamma with gamma >= 2 mean(g | g <= gamma): scan the sorted g; between two
      // consecutive values the conditional mean is constant, so gamma is that mean's double as soon
      // as it falls below the next value.
      double sum = 0;
      double gamma = sorted[n - 1];
      for (int k = 0; k < n; k++) {
        sum += sorted[k];
        double candidate = 2 * sum / (k + 1);
        double next = k + 1 < n ? sorted[k + 1] : Double.POSITIVE_INFINITY;
        if (candidate < next) {
          gamma = Math.max(candidate, sorted[k]);
          break;
        }
      }
      alpha = 0.5 - Math.sqrt(Math.max(0, 0.25 - 1 / gamma));
    }
    int keptCount = 0;
    int droppedTreated = 0;
    int droppedControl = 0;
    int[] kept = new int[n];
    for (int i = 0; i < n; i++) {
      if (propensity[i] >= alpha && propensity[i] <= 1 - alpha) {
        kept[keptCount++] = i;
      } else if (treatment[i] == 1.0) {
        droppedTreated++;
      } else {
        droppedControl++;
      }
    }
    return new CrumpTrimming(alpha, Arrays.copyOf(kept, keptCount), droppedTreated, droppedControl);
  }
}
