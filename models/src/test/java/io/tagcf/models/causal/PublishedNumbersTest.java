package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.iv.InstrumentalVariables;
import io.tagcf.models.causal.matching.MatchingEstimate;
import io.tagcf.models.causal.matching.PropensityScoreMatching;
import io.tagcf.models.causal.matching.PsmOptions;
import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import io.tagcf.models.causal.weighting.InverseProbabilityWeighting;
import io.tagcf.models.causal.weighting.PropensityTrim;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reproduces published and reference-implementation numbers on two classic data sets embedded as
 * test resources (both exported from Debian's R packages: MatchIt's {@code lalonde} - the NSW
 * treated with PSID controls, 185 + 429 rows - and AER's {@code CigarettesSW}, 1995).
 *
 * <p>Lalonde references were computed in R 4.2.2 with {@code glm(..., family = binomial)} for the
 * propensity and {@code lm} for outcome models (the script is in docs/ESTIMATION.md); the 2SLS
 * references are Stock and Watson's textbook cigarette-demand regressions via {@code AER::ivreg}
 * with {@code sandwich::vcovHC(type = "HC1")}: elasticity -1.08 (SE 0.32) with the sales tax as
 * instrument.
 */
class PublishedNumbersTest {
  /** Penalty small enough that the logistic fit equals R's unpenalised glm to ~1e-9. */
  private static final NuisanceOptions EXACT = new NuisanceOptions(1e-10, FeatureExpansion.NONE);
  private static final long SEED = 1;
  private static final WeightingOptions NO_CLIP = new WeightingOptions(0.0, PropensityTrim.CLIP);

  private static PsmOptions oneToK(int k) {
    return new PsmOptions(0.0, k, MatchingEstimate.DEFAULT_VARIANCE_NEIGHBOURS);
  }

  private static double relative(double actual, double expected) {
    return Math.abs(actual - expected) / Math.abs(expected);
  }

  @Test
  void lalondeNaiveDifference() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), EXACT, SEED);
    EffectEstimate dim = new DifferenceInMeans().estimate(d, Estimand.ATT).primary();
    assertThat(dim.estimate()).isCloseTo(-635.0262120374, within(1e-6));
    assertThat(dim.nTreated()).isEqualTo(185);
    assertThat(dim.nControl()).isEqualTo(429);
  }

  @Test
  void lalondeIpwMatchesGlmWeights() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), EXACT, SEED);
    InverseProbabilityWeighting ipw = new InverseProbabilityWeighting(NO_CLIP);
    List<EffectEstimate> att = ipw.estimate(d, Estimand.ATT).estimates();
    List<EffectEstimate> ate = ipw.estimate(d, Estimand.ATE).estimates();
    assertThat(relative(att.get(0).estimate(), 1214.0712208915)).isLessThan(1e-6);
    assertThat(relative(att.get(1).estimate(), 1158.5883750725)).isLessThan(1e-6);
    assertThat(relative(ate.get(0).estimate(), 224.6763082714)).isLessThan(1e-5);
    assertThat(relative(ate.get(1).estimate(), -449.7869096695)).isLessThan(1e-5);
  }

  @Test
  void lalondeRegressionAdjustmentMatchesLm() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), EXACT, SEED);
    RegressionAdjustment ra = new RegressionAdjustment();
    assertThat(relative(ra.estimate(d, Estimand.ATT).primary().estimate(), 1647.5832524402)).isLessThan(1e-6);
    assertThat(relative(ra.estimate(d, Estimand.ATE).primary().estimate(), 1074.9085413954)).isLessThan(1e-6);
  }

  @Test
  void lalondeAipwWithoutCrossFittingMatchesTheFormulaInR() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), EXACT, SEED);
    AugmentedIpw aipw = new AugmentedIpw(new AipwOptions(1, NO_CLIP));
    assertThat(relative(aipw.estimate(d, Estimand.ATE).primary().estimate(), 469.6399830070)).isLessThan(1e-5);
    assertThat(relative(aipw.estimate(d, Estimand.ATT).primary().estimate(), 1226.5437437781)).isLessThan(1e-6);
  }

  @Test
  void lalondeNearestNeighbourMatchingOnTheLogit() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), EXACT, SEED);
    assertThat(new PropensityScoreMatching(oneToK(1)).estimate(d, Estimand.ATT).primary().estimate())
        .isCloseTo(1967.9396843243, within(1e-4));
    assertThat(new PropensityScoreMatching(oneToK(3)).estimate(d, Estimand.ATT).primary().estimate())
        .isCloseTo(1541.8672563604, within(1e-4));
  }

  @Test
  void defaultPenaltyStaysWithinATenthOfAPercentOfGlm() {
    PreparedData d = PreparedData.prepare(TestTables.lalonde(), NuisanceOptions.defaults(), SEED);
    EffectEstimate att = new InverseProbabilityWeighting(NO_CLIP).estimate(d, Estimand.ATT).primary();
    assertThat(relative(att.estimate(), 1214.0712208915)).isLessThan(1e-3);
  }

  @Test
  void cigaretteDemandTwoStageLeastSquares() {
    Map<String, List<String>> t = TestTables.read("cigarettes1995.csv");
    CausalData single = CausalData.builder(TestTables.numbers(t, "lrprice"), TestTables.numbers(t, "lpacks"))
        .instrument("salestax", TestTables.numbers(t, "salestax"))
        .build();
    EffectEstimate e = new InstrumentalVariables()
        .estimate(PreparedData.prepare(single, EXACT, SEED), Estimand.ATE).primary();
    assertThat(e.estimate()).isCloseTo(-1.0835867643, within(1e-8));
    assertThat(e.se()).isCloseTo(0.3189184234, within(1e-8));

    CausalData two = CausalData.builder(TestTables.numbers(t, "lrprice"), TestTables.numbers(t, "lpacks"))
        .covariate("lrincome", TestTables.numbers(t, "lrincome"))
        .instrument("salestax", TestTables.numbers(t, "salestax"))
        .instrument("cigtax", TestTables.numbers(t, "cigtax"))
        .build();
    EffectEstimate e2 = new InstrumentalVariables()
        .estimate(PreparedData.prepare(two, EXACT, SEED), Estimand.ATE).primary();
    assertThat(e2.estimate()).isCloseTo(-1.2774241334, within(1e-8));
    assertThat(e2.se()).isCloseTo(0.2496100004, within(1e-8));
    assertThat(e2.details().get("first_stage_f")).isCloseTo(244.7337536, within(1e-5));
  }
}
