package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.matching.CovariateMatching;
import io.tagcf.models.causal.matching.PropensityScoreMatching;
import io.tagcf.models.causal.weighting.InverseProbabilityWeighting;
import io.tagcf.models.causal.weighting.PropensityTrim;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The unit weights estimators return are the weights behind their estimates and the ones the
 * balance table reports: recomputing the table's SMDs from them gives its numbers.
 */
class UnitWeightsTest {
  private static final CausalAnalysis ENGINE = new CausalAnalysis();

  private static AnalysisOptions only(Estimand estimand, Set<Method> methods) {
    return new AnalysisOptions(estimand, methods, 1, false, NuisanceOptions.defaults());
  }

  private static PreparedData prepared(CausalData data) {
    return PreparedData.prepare(data, NuisanceOptions.defaults(), 1);
  }

  /** SMD of every covariate under the given weights, with the unadjusted pooled SD as yardstick. */
  private static double[] smds(PreparedData d, double[] weights) {
    double[] out = new double[d.covariates().length];
    for (int j = 0; j < out.length; j++) {
      double[] col = d.covariates()[j];
      double sd = CovariateBalance.pooledSd(col, d.treatment(), d.weights());
      out[j] = CovariateBalance.smd(col, d.treatment(), weights, sd);
    }
    return out;
  }

  @Test
  void ipwWeightsGiveTheBalanceTablesWeightedColumn() {
    CausalData data = TestTables.lalonde();
    for (Estimand estimand : Estimand.values()) {
      AnalysisReport report = ENGINE.run(data, only(estimand, EnumSet.of(Method.IPW)));
      PreparedData d = prepared(data);
      double[] weights = new InverseProbabilityWeighting().estimate(d, estimand).unitWeights().orElseThrow();
      double[] expected = smds(d, weights);
      assertThat(report.balance()).hasSize(expected.length);
      for (int j = 0; j < expected.length; j++) {
        CovariateBalance b = report.balance().get(j);
        assertThat(b.smdWeighted()).as("%s %s", estimand, b.covariate()).isEqualTo(expected[j]);
        assertThat(b.smdWeighted()).isNotEqualTo(b.smdBefore());
      }
    }
  }

  @Test
  void theWeightedColumnIsTheSameWhenIpwWasNotRequested() {
    CausalData data = TestTables.lalonde();
    AnalysisReport withIpw = ENGINE.run(data, only(Estimand.ATT, EnumSet.of(Method.IPW)));
    AnalysisReport withoutIpw = ENGINE.run(data, only(Estimand.ATT, EnumSet.of(Method.RA)));
    assertThat(withoutIpw.result(Method.IPW)).isNull();
    assertThat(withoutIpw.balance()).isEqualTo(withIpw.balance());
    AnalysisReport noPropensity = ENGINE.run(data, only(Estimand.ATT, EnumSet.of(Method.DIM)));
    assertThat(noPropensity.balance()).allMatch(b -> b.smdWeighted() == null && b.smdMatched() == null);
  }

  /**
   * The Hájek estimate is the difference of the arms' means under the returned weights, and the
   * reported effective sample sizes are theirs.
   */
  @Test
  void ipwWeightsAreTheOnesTheEstimateUses() {
    PreparedData d = prepared(TestTables.lalonde());
    for (Estimand estimand : Estimand.values()) {
      Estimation ipw = new InverseProbabilityWeighting().estimate(d, estimand);
      double[] u = ipw.unitWeights().orElseThrow();
      EffectEstimate hajek = ipw.estimate(Method.IPW);
      assertThat(armDifference(d, u)).as("%s", estimand)
          .isCloseTo(hajek.estimate(), within(1e-9 * Math.abs(hajek.estimate())));
      for (int arm = 0; arm <= 1; arm++) {
        double ess = EffectiveSampleSize.of(inArm(d.treatment(), u, arm));
        double reported = hajek.details().get(arm == 1 ? "ess_treated" : "ess_control");
        assertThat(ess).as("%s arm %d", estimand, arm).isCloseTo(reported, within(1e-9 * reported));
      }
      assertThat(ipw.estimate(Method.IPW_HT).estimate()).isNotEqualTo(hajek.estimate());
    }
  }

  @Test
  void trimmedRowsAreOutsideTheWeightedSample() {
    PreparedData d = prepared(TestTables.lalonde());
    WeightingOptions trim = new WeightingOptions(0.05, PropensityTrim.TRIM);
    Estimation ipw = new InverseProbabilityWeighting(trim).estimate(d, Estimand.ATE);
    double[] u = ipw.unitWeights().orElseThrow();
    double[] e = d.propensity().scores();
    int trimmed = 0;
    for (int i = 0; i < u.length; i++) {
      boolean outside = e[i] < 0.05 || e[i] > 0.95;
      assertThat(u[i] == 0.0).as("row %d", i).isEqualTo(outside);
      trimmed += outside ? 1 : 0;
    }
    assertThat(trimmed).isPositive();
    EffectEstimate hajek = ipw.primary();
    assertThat(hajek.nTreated() + hajek.nControl()).isEqualTo(u.length - trimmed);
  }

  @Test
  void psmWeightsGiveTheBalanceTablesMatchedColumn() {
    CausalData data = TestTables.lalonde();
    for (Estimand estimand : Estimand.values()) {
      AnalysisReport report = ENGINE.run(data, only(estimand, EnumSet.of(Method.PSM)));
      PreparedData d = prepared(data);
      double[] weights = new PropensityScoreMatching().estimate(d, estimand).unitWeights().orElseThrow();
      double[] expected = smds(d, weights);
      for (int j = 0; j < expected.length; j++) {
        assertThat(report.balance().get(j).smdMatched()).as("%s covariate %d", estimand, j).isEqualTo(expected[j]);
      }
    }
  }

  /**
   * Under the ATT, propensity matching's estimate is the treated mean minus the matched controls'
   * mean, each under the returned weights; both matching methods report those weights' ESS.
   */
  @Test
  void matchingWeightsAreTheOnesTheEstimateUses() {
    PreparedData d = prepared(TestTables.lalonde());
    Estimation psm = new PropensityScoreMatching().estimate(d, Estimand.ATT);
    double[] u = psm.unitWeights().orElseThrow();
    double estimate = psm.primary().estimate();
    assertThat(armDifference(d, u)).isCloseTo(estimate, within(1e-9 * Math.abs(estimate)));
    assertThat(EffectiveSampleSize.of(u)).isCloseTo(psm.primary().ess(), within(1e-9));
    Estimation nnm = new CovariateMatching().estimate(d, Estimand.ATT);
    assertThat(EffectiveSampleSize.of(nnm.unitWeights().orElseThrow())).isCloseTo(nnm.primary().ess(), within(1e-9));
  }

  @Test
  void estimatorsWithoutReweightingReturnNoUnitWeights() {
    PreparedData d = prepared(TestTables.lalonde());
    for (Method method : EnumSet.of(Method.DIM, Method.RA, Method.AIPW)) {
      assertThat(ENGINE.estimator(method).estimate(d, Estimand.ATE).unitWeights()).as("%s", method).isEmpty();
    }
  }

  /** Treated minus control mean outcome under the weights u. */
  private static double armDifference(PreparedData d, double[] u) {
    double[] sum = new double[2];
    double[] total = new double[2];
    for (int i = 0; i < u.length; i++) {
      int arm = (int) d.treatment()[i];
      sum[arm] += u[i] * d.outcome()[i];
      total[arm] += u[i];
    }
    return sum[1] / total[1] - sum[0] / total[0];
  }

  private static double[] inArm(double[] t, double[] u, int arm) {
    double[] out = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      out[i] = t[i] == arm ? u[i] : 0;
    }
    return out;
  }
}
