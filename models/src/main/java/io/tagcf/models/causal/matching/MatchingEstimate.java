package io.tagcf.models.causal.matching;

import io.tagcf.models.causal.EffectiveSampleSize;
import io.tagcf.models.causal.Estimand;

/**
 * Turns matches into an effect and its Abadie-Imbens (2006) standard error.
 *
 * <p>The matching estimator is linear in the outcomes: tau = sum_i a_i y_i. Its variance is the
 * spread of the per-query contrasts (which covers the queries' own noise and the heterogeneity of
 * the effect) plus, for every row used as a match, the noise that re-use adds:
 * [a_j^2 - (own and per-use shares)^2] sigma^2_j. Unweighted, this is exactly AI's
 * (K/M)^2 + (2M - 1)/M K/M term for the ATE and K(K - 1)/M^2 for the ATT.
 *
 * @param estimate weighted mean contrast over matched queries
 * @param unitWeights each row's weight in the matched sample (for balance tables)
 */
public record MatchingEstimate(
    double estimate, double se, int matchedTreated, int matchedControl, double ess, double[] unitWeights) {
  /** J = 2: each row's conditional outcome variance is estimated from its 2 nearest same-arm rows. */
  public static final int DEFAULT_VARIANCE_NEIGHBOURS = 2;

  /**
   * @param contrast per query: y_treated - y_control with the query's imputed counterpart
   * @param sigma2 per-row conditional outcome variance estimate
   */
  public static MatchingEstimate compute(
      Matches matches, double[] contrast, double[] t, double[] w, double[] sigma2, Estimand estimand) {
    int n = t.length;
    int q = matches.queryCount();
    double total = 0;
    for (int k = 0; k < q; k++) {
      total += w[matches.queries()[k]];
    }
    double estimate = 0;
    for (int k = 0; k < q; k++) {
      estimate += w[matches.queries()[k]] * contrast[k];
    }
    estimate /= total;
    double[] coefficient = new double[n];
    double[] squaredShares = new double[n];
    double spread = 0;
    for (int k = 0; k < q; k++) {
      int i = matches.queries()[k];
      double c = w[i] / total;
      double d = contrast[k] - estimate;
      spread += c * c * d * d;
      coefficient[i] += c;
      squaredShares[i] += c * c;
      for (int s = matches.offsets()[k]; s < matches.offsets()[k + 1]; s++) {
        int j = matches.matched()[s];
        double cb = c * matches.share()[s];
        coefficient[j] += cb;
        squaredShares[j] += cb * cb;
      }
    }
    double reuse = 0;
    double[] unitWeights = new double[n];
    EffectiveSampleSize ess = new EffectiveSampleSize();
    int matchedTreated = 0;
    int matchedControl = 0;
    for (int j = 0; j < n; j++) {
      if (coefficient[j] == 0) {
        continue;
      }
      reuse += Math.max(0, coefficient[j] * coefficient[j] - squaredShares[j]) * sigma2[j];
      unitWeights[j] = coefficient[j] * total;
      ess.add(unitWeights[j]);
      if (t[j] == 1.0) {
        matchedTreated++;
      } else {
        matchedControl++;
      }
    }
    double se = Math.sqrt(spread + reuse);
    if (estimand == Estimand.ATT) {
      // Only treated rows are queries under the ATT; count them as matched treated.
      matchedTreated = 0;
      for (int k = 0; k < q; k++) {
        if (t[matches.queries()[k]] == 1.0) {
          matchedTreated++;
        }
      }
    }
    return new MatchingEstimate(estimate, se, matchedTreated, matchedControl, ess.value(), unitWeights);
  }
}
