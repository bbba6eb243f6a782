package io.tagcf.models.causal.refute;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.RegressionAdjustment;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each refuter's verdict, both ways: it passes an estimate that behaves as a causal estimate should
 * (an unconfounded simulated design, true effect 1) and fails one that does not.
 */
class RefuterVerdictsTest {

  private static final AnalysisOptions OPTIONS =
      new AnalysisOptions(Estimand.ATE, EnumSet.of(Method.RA), 1, true, NuisanceOptions.defaults());

  /**
   * 2,000 rows, treatment confounded by x (measured), effect 1. With {@code hidden}, an unmeasured
   * u drives both the treatment and the placebo outcome (an outcome fixed before treatment).
   */
  private static CausalData design(boolean hidden) {
    SplittableRandom random = new SplittableRandom(3);
    int n = 2_000;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    double[] before = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      double u = random.nextGaussian();
      double index = x[i] + (hidden ? 1.5 * u : 0);
      t[i] = random.nextDouble() < 1 / (1 + Math.exp(-index)) ? 1 : 0;
      y[i] = 1.0 * t[i] + 2 * x[i] + random.nextGaussian();
      before[i] = 2 * x[i] + (hidden ? 2 * u : 0) + random.nextGaussian();
    }
    return CausalData.builder(t, y).covariate("x", x).placeboOutcome(before).build();
  }

  private static Refutation refute(Refuter refuter, CausalData data, EffectEstimator estimator) {
    PreparedData prepared = PreparedData.prepare(data, OPTIONS.nuisance(), OPTIONS.seed());
    Estimation original = estimator.estimate(prepared, OPTIONS.estimand());
    List<Refutation> out = refuter.refute(data, OPTIONS, estimator, original);
    assertThat(out).hasSize(1);
    return out.get(0);
  }

  /** A broken estimator: its answer does not depend on the treatment at all. */
  private static final class Constant implements EffectEstimator {
    @Override
    public Method method() {
      return Method.RA;
    }

    @Override
    public Estimation estimate(PreparedData data, Estimand estimand) {
      // The covariate count stands in for any dependence on the design rather than the treatment.
      double value = 1.0 + 0.5 * data.covariates().length;
      return Estimation.of(EffectEstimate.of(Method.RA, estimand, value, 0.1, data.treatedCount(),
          data.size() - data.treatedCount(), data.size(), List.of(), Map.of()));
    }
  }

  @Test
  void placeboTreatmentPassesARealEffectAndFailsAnEstimatorBlindToTheTreatment() {
    Refutation real = refute(new PlaceboTreatmentRefuter(), design(false), new RegressionAdjustment());
    assertThat(real.passed()).as(real.detail()).isTrue();
    Refutation blind = refute(new PlaceboTreatmentRefuter(), design(false), new Constant());
    assertThat(blind.passed()).as(blind.detail()).isFalse();
  }

  @Test
  void placeboOutcomePassesWhenTheCovariatesSufficeAndFailsOnAnOmittedConfounder() {
    Refutation clean = refute(new PlaceboOutcomeRefuter(), design(false), new RegressionAdjustment());
    assertThat(clean.passed()).as(clean.detail()).isTrue();
    Refutation confounded = refute(new PlaceboOutcomeRefuter(), design(true), new RegressionAdjustment());
    assertThat(confounded.passed()).as(confounded.detail()).isFalse();
    assertThat(confounded.refuted()).isGreaterThan(0.5);
  }

  @Test
  void randomCommonCausePassesAStableAdjustmentAndFailsOneThatMovesWithAnyColumn() {
    Refutation stable = refute(new RandomCommonCauseRefuter(), design(false), new RegressionAdjustment());
    assertThat(stable.passed()).as(stable.detail()).isTrue();
    Refutation fragile = refute(new RandomCommonCauseRefuter(), design(false), new Constant());
    assertThat(fragile.passed()).as(fragile.detail()).isFalse();
  }

  @Test
  void dataSubsetPassesAStableEstimateAndFailsOneThatRestsOnOneRow() {
    Refutation stable = refute(new DataSubsetRefuter(), design(false), new RegressionAdjustment());
    assertThat(stable.passed()).as(stable.detail()).isTrue();

    // Forty rows, no effect, except one treated row far out: the estimate is that one row, and a
    // subsample without it gives a different answer.
    int n = 40;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    SplittableRandom random = new SplittableRandom(9);
    for (int i = 0; i < n; i++) {
      t[i] = i % 2;
      x[i] = random.nextGaussian();
      y[i] = random.nextGaussian() * 0.01;
    }
    y[subsetDrops()] = 100;
    Refutation fragile = refute(new DataSubsetRefuter(), CausalData.builder(t, y).covariate("x", x).build(),
        new RegressionAdjustment());
    assertThat(fragile.passed()).as(fragile.detail()).isFalse();
  }

  /** A treated row that the refuter's 80% subsample (seed 1) leaves out. */
  private static int subsetDrops() {
    int n = 40;
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    SplittableRandom random = new SplittableRandom(OPTIONS.seed() * 31 + 13);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = rows[i];
      rows[i] = rows[j];
      rows[j] = tmp;
    }
    for (int k = (int) Math.round(DataSubsetRefuter.FRACTION * n); k < n; k++) {
      if (rows[k] % 2 == 1) {
        return rows[k];
      }
    }
    throw new AssertionError("the subsample keeps every treated row");
  }
}
