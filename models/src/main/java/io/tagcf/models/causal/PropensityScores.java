package io.tagcf.models.causal;

import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.PenalizedGlm;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The full-sample propensity score P(T = 1 | X) from an L2 logistic regression, with the overlap
 * check every backdoor estimator depends on.
 */
public final class PropensityScores {
  private final GlmFit fit;
  private final double[] linear;
  private final double[] scores;
  private final List<String> warnings;

  private PropensityScores(GlmFit fit, double[] linear, List<String> warnings) {
    this.fit = fit;
    this.linear = linear;
    this.scores = new double[linear.length];
    for (int i = 0; i < linear.length; i++) {
      scores[i] = Sigmoid.of(linear[i]);
    }
    this.warnings = warnings;
  }

  static PropensityScores fit(PreparedData data) {
    data.requireBinaryTreatment();
    double[] t = data.treatment();
    GlmFit fit =
        PenalizedGlm.fit(data.design(), t, data.weights(), null, GlmFamily.BINOMIAL, data.nuisance().lambda());
    int n = data.size();
    double[] linear = new double[n];
    // Rows are independent: the same values on any number of threads.
    IntStream.range(0, n).parallel().forEach(i -> linear[i] = fit.linearPredictor(data.design(), i));
    checkOverlap(t, linear, data.weights());
    List<String> warnings = new ArrayList<>();
    if (!fit.converged()) {
      warnings.add("propensity model did not converge (near-separation): treat estimates with care");
    }
    return new PropensityScores(fit, linear, warnings);
  }

  /**
   * Refuses data where a threshold on the fitted score separates the arms completely: every
   * comparison would then be an extrapolation, and IPW weights would be unbounded.
   */
  private static void checkOverlap(double[] t, double[] linear, double[] w) {
    double minTreated = Double.POSITIVE_INFINITY;
    double maxTreated = Double.NEGATIVE_INFINITY;
    double minControl = Double.POSITIVE_INFINITY;
    double maxControl = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < t.length; i++) {
      if (w[i] <= 0) {
        continue;
      }
      if (t[i] == 1.0) {
        minTreated = Math.min(minTreated, linear[i]);
        maxTreated = Math.max(maxTreated, linear[i]);
      } else {
        minControl = Math.min(minControl, linear[i]);
        maxControl = Math.max(maxControl, linear[i]);
      }
    }
    if (maxControl < minTreated || maxTreated < minControl) {
      throw new NoOverlapException(
          "no overlap: the covariates separate treated from control rows completely "
              + "(the fitted propensity ranges of the two groups do not intersect)");
    }
  }

  public GlmFit model() {
    return fit;
  }

  /** Fitted P(T = 1 | X) per row, unclipped. */
  public double[] scores() {
    return scores;
  }

  /** Logit of the propensity per row. */
  public double[] logits() {
    return linear;
  }

  public List<String> warnings() {
    return warnings;
  }
}
