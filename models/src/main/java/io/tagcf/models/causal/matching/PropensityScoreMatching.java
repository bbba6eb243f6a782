package io.tagcf.models.causal.matching;

import io.tagcf.models.causal.ArmRows;
import io.tagcf.models.causal.CausalInputException;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.PropensityScores;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Propensity-score matching: 1:k nearest neighbours on the logit of the estimated propensity,
 * with replacement, within a caliper measured in standard deviations of that logit.
 *
 * <p>ATT matches every treated row to control rows; ATE additionally matches every control row to
 * treated rows. Rows with no partner inside the caliper are dropped and counted (the estimate then
 * describes the matched rows only). Standard errors are Abadie-Imbens with the conditional outcome
 * variance estimated by matching each row to its J nearest rows of the same arm. Like AI (2006)
 * they treat the propensity as known, which is conservative for the ATE (Abadie and Imbens 2016).
 * Neighbours are averaged by row weight; with unequal weights the default k is larger (see
 * {@link PsmOptions#WEIGHTED_PSM_NEIGHBOURS}). The unit weights returned are each row's weight in
 * the matched sample.
 */
public final class PropensityScoreMatching implements EffectEstimator {
  private final PsmOptions options;

  public PropensityScoreMatching(PsmOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public PropensityScoreMatching() {
    this(PsmOptions.defaults());
  }

  public PsmOptions options() {
    return options;
  }

  @Override
  public Method method() {
    return Method.PSM;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    PropensityScores ps = data.propensity();
    double[] logit = ps.logits();
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    int n = t.length;
    int k = neighbours(options.neighbours(), w);
    double sd = standardDeviation(logit, w);
    double caliper = options.caliper() > 0 ? options.caliper() * sd : Double.POSITIVE_INFINITY;
    ArmRows arms = ArmRows.of(t);
    SortedLine treatedLine = new SortedLine(arms.treated(), logit);
    SortedLine controlLine = new SortedLine(arms.control(), logit);
    Matches.Builder builder = new Matches.Builder();
    int[] buffer = new int[Math.max(k, options.varianceNeighbours()) + 1];
    List<Double> contrasts = new ArrayList<>();
    int unmatchedTreated = 0;
    int unmatchedControl = 0;
    for (int i = 0; i < n; i++) {
      boolean treated = t[i] == 1.0;
      if (!treated && estimand == Estimand.ATT) {
        continue;
      }
      SortedLine other = treated ? controlLine : treatedLine;
      int found = other.nearest(logit[i], k, caliper, -1, buffer);
      if (found == 0) {
        if (treated) {
          unmatchedTreated++;
        } else {
          unmatchedControl++;
        }
        continue;
      }
      double total = 0;
      double counterpart = 0;
      for (int c = 0; c < found; c++) {
        total += w[buffer[c]];
      }
      for (int c = 0; c < found; c++) {
        double share = total > 0 ? w[buffer[c]] / total : 1.0 / found;
        counterpart += share * y[buffer[c]];
      }
      builder.add(i, buffer, found, w);
      contrasts.add(treated ? y[i] - counterpart : counterpart - y[i]);
    }
    Matches matches = builder.build();
    if (matches.queryCount() == 0) {
      throw new CausalInputException("psm: no row has a match inside the caliper");
    }
    double[] sigma2 = new double[n];
    int j = options.varianceNeighbours();
    for (int i = 0; i < n; i++) {
      SortedLine own = t[i] == 1.0 ? treatedLine : controlLine;
      int found = own.nearest(logit[i], j, Double.POSITIVE_INFINITY, i, buffer);
      if (found == 0) {
        continue;
      }
      double mean = 0;
      for (int c = 0; c < found; c++) {
        mean += y[buffer[c]];
      }
      mean /= found;
      double d = y[i] - mean;
      sigma2[i] = found / (found + 1.0) * d * d;
    }
    double[] contrast = contrasts.stream().mapToDouble(Double::doubleValue).toArray();
    MatchingEstimate m = MatchingEstimate.compute(matches, contrast, t, w, sigma2, estimand);
    List<String> warnings = new ArrayList<>(ps.warnings());
    int queriesTreated = arms.treated().length;
    int queriesControl = estimand == Estimand.ATE ? arms.control().length : 0;
    double droppedShare = (unmatchedTreated + unmatchedControl) / (double) (queriesTreated + queriesControl);
    if (unmatchedTreated + unmatchedControl > 0) {
      warnings.add(String.format(Locale.ROOT,
          "%d treated and %d control rows had no match within the caliper (%.1f%%) and were dropped: "
              + "the estimate describes the matched rows",
          unmatchedTreated, unmatchedControl, 100 * droppedShare));
    }
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("k", (double) k);
    details.put("caliper_sd", options.caliper());
    details.put("unmatched_share", droppedShare);
    details.put("distinct_controls_used", (double) m.matchedControl());
    EffectEstimate estimate = EffectEstimate.of(
        Method.PSM, estimand, m.estimate(), m.se(), m.matchedTreated(), m.matchedControl(), m.ess(), warnings, details);
    return Estimation.weighted(List.of(estimate), m.unitWeights());
  }

  /** The requested k, or the default: 1, or more when rows weigh differently (see the constant). */
  static int neighbours(int requested, double[] w) {
    if (requested > 0) {
      return requested;
    }
    for (double v : w) {
      if (v != w[0]) {
        return PsmOptions.WEIGHTED_PSM_NEIGHBOURS;
      }
    }
    return 1;
  }

  static double standardDeviation(double[] values, double[] w) {
    double total = 0;
    double mean = 0;
    for (int i = 0; i < values.length; i++) {
      total += w[i];
      mean += w[i] * values[i];
    }
    mean /= total;
    double v = 0;
    for (int i = 0; i < values.length; i++) {
      double d = values[i] - mean;
      v += w[i] * d * d;
    }
    return Math.sqrt(v / total);
  }
}
