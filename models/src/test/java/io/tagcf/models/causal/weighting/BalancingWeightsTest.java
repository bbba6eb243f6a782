package io.tagcf.models.causal.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.Estimand;
import org.junit.jupiter.api.Test;

/** The balancing-weight formula per estimand, against values worked out by hand. */
class BalancingWeightsTest {
  private static final double[] E = {0.2, 0.5, 0.8, 0.25};
  private static final double[] T = {1, 1, 0, 0};
  private static final double[] W = {1, 2, 3, 4};
  private static final WeightingOptions NO_BOUND = new WeightingOptions(0.0, PropensityTrim.CLIP);

  @Test
  void ateWeighsTreatedByOneOverEAndControlsByOneOverOneMinusE() {
    BalancingWeights b = BalancingWeights.of(E, T, W, Estimand.ATE, NO_BOUND);
    // h: 1/0.2, 1/0.5, 1/(1 - 0.8), 1/(1 - 0.25); unit weight w h.
    assertFactors(b, 5.0, 2.0, 5.0, 4.0 / 3);
    assertThat(b.unitWeights()).containsExactly(new double[] {5.0, 4.0, 15.0, 16.0 / 3}, within(1e-12));
  }

  @Test
  void attKeepsTreatedAtOneAndWeighsControlsByTheOdds() {
    BalancingWeights b = BalancingWeights.of(E, T, W, Estimand.ATT, NO_BOUND);
    // h: 1, 1, 0.8/0.2, 0.25/0.75.
    assertFactors(b, 1.0, 1.0, 4.0, 1.0 / 3);
    assertThat(b.unitWeights()).containsExactly(new double[] {1.0, 2.0, 12.0, 4.0 / 3}, within(1e-12));
  }

  @Test
  void weighMultipliesByTheFactor() {
    for (Estimand estimand : Estimand.values()) {
      BalancingWeights b = BalancingWeights.of(E, T, W, estimand, NO_BOUND);
      for (int i = 0; i < E.length; i++) {
        assertThat(b.weigh(i, 7.5)).as("%s row %d", estimand, i).isCloseTo(7.5 * b.factor(i), within(1e-12));
      }
    }
  }

  @Test
  void clippedPropensitiesAreWeightedAtTheBound() {
    double[] e = {0.001, 0.5, 0.995, 0.5};
    WeightingOptions clip = new WeightingOptions(0.01, PropensityTrim.CLIP);
    BalancingWeights ate = BalancingWeights.of(e, T, W, Estimand.ATE, clip);
    // 0.001 -> 0.01 for a treated row: 1/0.01; 0.995 -> 0.99 for a control row: 1/(1 - 0.99).
    assertFactors(ate, 100.0, 2.0, 100.0, 2.0);
    assertThat(ate.propensity().affectedShare()).isCloseTo(4.0 / 10, within(1e-12));
    // Under the ATT only e > 0.99 is bounded: row 2 (a control near 1) is clipped, row 0 is not.
    BalancingWeights att = BalancingWeights.of(e, T, W, Estimand.ATT, clip);
    assertFactors(att, 1.0, 1.0, 99.0, 1.0);
    assertThat(att.propensity().affectedShare()).isCloseTo(3.0 / 10, within(1e-12));
    assertThat(att.propensity().affectedTreated()).isZero();
    assertThat(att.propensity().affectedControl()).isEqualTo(1);
    java.util.Map<String, Double> details = new java.util.LinkedHashMap<>();
    att.propensity().describeIn(details, PropensityTrim.CLIP);
    assertThat(details).containsExactly(java.util.Map.entry("clipped_share", 0.3),
        java.util.Map.entry("clipped_treated", 0.0), java.util.Map.entry("clipped_control", 1.0));
  }

  @Test
  void underTheAttAControlUnlikeAnyTreatedRowKeepsItsTinyWeight() {
    // A control with e = 0.002 weighs e/(1 - e) = 0.002/0.998, not 0.01/0.99 as a lower clip would make it.
    double[] e = {0.6, 0.5, 0.002, 0.3};
    BalancingWeights att = BalancingWeights.of(e, T, W, Estimand.ATT, WeightingOptions.defaults());
    assertFactors(att, 1.0, 1.0, 0.002 / 0.998, 0.3 / 0.7);
    assertThat(att.propensity().moved()).containsExactly(false, false, false, false);
    assertThat(att.propensity().affectedShare()).isZero();
    assertThat(att.propensity().warning(WeightingOptions.defaults())).isNull();
    // The ATE weighs the same control by 1/(1 - e) and bounds both ends.
    BalancingWeights ate = BalancingWeights.of(new double[] {0.005, 0.5, 0.002, 0.3}, T, W, Estimand.ATE,
        WeightingOptions.defaults());
    assertFactors(ate, 100.0, 2.0, 1 / 0.99, 1 / 0.7);
    assertThat(ate.propensity().moved()).containsExactly(true, false, true, false);
  }

  @Test
  void trimmingSaysHowManyRowsOfEachArmLeftAndThatThePopulationChanged() {
    double[] e = {0.995, 0.5, 0.999, 0.001};
    WeightingOptions trim = new WeightingOptions(0.01, PropensityTrim.TRIM);
    BalancingWeights att = BalancingWeights.of(e, T, W, Estimand.ATT, trim);
    assertThat(att.kept(0)).isFalse();
    assertThat(att.kept(2)).isFalse();
    assertThat(att.kept(3)).isTrue();
    assertThat(att.propensity().warning(trim)).isEqualTo(
        "trimmed 1 treated and 1 control rows with propensity above 0.990 (40.0% of the weight): the estimate is"
            + " about the rows left, not the whole treated population");
    BalancingWeights ate = BalancingWeights.of(e, T, W, Estimand.ATE, trim);
    assertThat(ate.kept(3)).isFalse();
    assertThat(ate.propensity().warning(trim)).startsWith("trimmed 1 treated and 2 control rows with propensity"
        + " outside [0.0100, 0.990]");
  }

  @Test
  void trimmedRowsHaveNoUnitWeight() {
    double[] e = {0.001, 0.5, 0.995, 0.5};
    BalancingWeights b =
        BalancingWeights.of(e, T, W, Estimand.ATE, new WeightingOptions(0.01, PropensityTrim.TRIM));
    assertThat(b.kept(0)).isFalse();
    assertThat(b.kept(1)).isTrue();
    assertThat(b.unitWeights()).containsExactly(new double[] {0.0, 4.0, 0.0, 8.0}, within(1e-12));
  }

  /** dh/d eta by central differences of h(sigmoid(eta)), for every estimand and arm. */
  @Test
  void logitDerivativeIsTheSlopeOfTheFactor() {
    double step = 1e-6;
    for (Estimand estimand : Estimand.values()) {
      BalancingWeights b = BalancingWeights.of(E, T, W, estimand, NO_BOUND);
      for (int i = 0; i < E.length; i++) {
        double eta = Math.log(E[i] / (1 - E[i]));
        double up = factorAt(estimand, T[i], 1 / (1 + Math.exp(-(eta + step))));
        double down = factorAt(estimand, T[i], 1 / (1 + Math.exp(-(eta - step))));
        assertThat(b.logitDerivative(i)).as("%s row %d", estimand, i)
            .isCloseTo((up - down) / (2 * step), within(1e-6));
      }
    }
    assertThat(BalancingWeights.of(E, T, W, Estimand.ATE, NO_BOUND).logitDerivative(0)).isEqualTo(-4.0);
  }

  @Test
  void clippedRowsDoNotMoveWithThePropensityModel() {
    double[] e = {0.001, 0.5, 0.995, 0.5};
    BalancingWeights b =
        BalancingWeights.of(e, T, W, Estimand.ATE, new WeightingOptions(0.01, PropensityTrim.CLIP));
    assertThat(b.logitDerivative(0)).isZero();
    assertThat(b.logitDerivative(2)).isZero();
    assertThat(b.logitDerivative(1)).isEqualTo(-1.0);
    assertThat(b.logitDerivative(3)).isEqualTo(1.0);
  }

  private static double factorAt(Estimand estimand, double t, double e) {
    double[] one = {e};
    return BalancingWeights.of(one, new double[] {t}, new double[] {1}, estimand, NO_BOUND).factor(0);
  }

  private static void assertFactors(BalancingWeights b, double... expected) {
    for (int i = 0; i < expected.length; i++) {
      assertThat(b.factor(i)).as("factor of row %d", i).isCloseTo(expected[i], within(1e-12));
    }
  }
}
