package io.tagcf.models.causal.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.PreparedData;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The ATT on a design like the NSW-CPS benchmark's: few treated rows and many controls unlike any
 * of them (propensity far below 0.01). Their ATT weight e/(1 - e) is almost nothing, and it must
 * stay so: bounding it from below would let them outweigh the comparable controls.
 */
class AttWeightingTest {

  private static final double TRUE_ATT = 2.0;

  /** 300 treated among 6,000 rows; about two thirds of the controls have e < 0.01. */
  private static CausalData design() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 6_000;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      double e = 1 / (1 + Math.exp(-(-5.5 + 2.5 * x[i])));
      t[i] = random.nextDouble() < e ? 1 : 0;
      // The outcome grows with x faster than linearly where the treated are: comparable controls matter.
      y[i] = TRUE_ATT * t[i] + 3 * x[i] + x[i] * x[i] + random.nextGaussian();
    }
    return CausalData.builder(t, y).covariate("x", x).build();
  }

  private static EffectEstimate ipwAtt(PreparedData d, WeightingOptions options) {
    return new InverseProbabilityWeighting(options).estimate(d, Estimand.ATT).estimate(Method.IPW);
  }

  @Test
  void smallControlPropensitiesAreNotRaisedUnderTheAtt() {
    PreparedData d = PreparedData.prepare(design(), NuisanceOptions.defaults(), 1);
    double[] e = d.propensity().scores();
    int tinyControls = 0;
    int controls = 0;
    double maxTreated = 0;
    for (int i = 0; i < e.length; i++) {
      if (d.treatment()[i] == 0) {
        controls++;
        tinyControls += e[i] < 0.01 ? 1 : 0;
      } else {
        maxTreated = Math.max(maxTreated, e[i]);
      }
    }
    assertThat(tinyControls).as("controls with e < 0.01").isGreaterThan(controls / 2);
    assertThat(maxTreated).as("no propensity near 1, so nothing needs bounding").isLessThan(0.99);

    EffectEstimate byDefault = ipwAtt(d, WeightingOptions.defaults());
    EffectEstimate unbounded = ipwAtt(d, new WeightingOptions(0.0, PropensityTrim.CLIP));
    assertThat(byDefault.estimate()).isEqualTo(unbounded.estimate());
    assertThat(byDefault.se()).isEqualTo(unbounded.se());
    assertThat(byDefault.details().get("clipped_share")).isZero();
    assertThat(byDefault.warnings()).noneMatch(w -> w.contains("clipped"));
  }

  @Test
  void theAttStaysNearTheTruthWhereALowerBoundWouldPullItAway() {
    PreparedData d = PreparedData.prepare(design(), NuisanceOptions.defaults(), 1);
    EffectEstimate att = ipwAtt(d, WeightingOptions.defaults());
    assertThat(att.estimate()).isCloseTo(TRUE_ATT, within(3 * att.se()));

    // The same weights with the controls' propensities raised to 0.01, as the ATE bound does:
    // thousands of controls unlike any treated row then carry the comparison.
    BalancingWeights ate = BalancingWeights.of(d.propensity().scores(), d.treatment(), d.weights(), Estimand.ATE,
        WeightingOptions.defaults());
    double[] raised = ate.propensity().scores();
    double treatedMean = 0;
    int treated = 0;
    double controlSum = 0;
    double controlWeight = 0;
    for (int i = 0; i < raised.length; i++) {
      if (d.treatment()[i] == 1) {
        treatedMean += d.outcome()[i];
        treated++;
      } else {
        double w = raised[i] / (1 - raised[i]);
        controlSum += w * d.outcome()[i];
        controlWeight += w;
      }
    }
    double lowerBounded = treatedMean / treated - controlSum / controlWeight;
    assertThat(Math.abs(lowerBounded - TRUE_ATT)).as("what a lower bound would give")
        .isGreaterThan(Math.abs(att.estimate() - TRUE_ATT) + 2 * att.se());
  }
}
