package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.causal.iv.InstrumentalVariables;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Degenerate data never produces NaN: each case gives finite results with a warning, or a clear
 * error naming the problem.
 */
class NumericalRobustnessTest {
  private static final CausalAnalysis ENGINE = new CausalAnalysis();
  private static final AnalysisOptions ALL = AnalysisOptions.defaults();

  /** y = 2 t + x + noise, P(t = 1) = sigmoid(x). */
  private static CausalData.Builder confounded(int n, long seed, double[] x) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] t = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      t[i] = r.nextDouble() < 1 / (1 + Math.exp(-x[i])) ? 1 : 0;
      y[i] = 2 * t[i] + x[i] + r.nextGaussian();
    }
    return CausalData.builder(t, y).covariate("x", x);
  }

  private static void assertAllFinite(AnalysisReport report) {
    assertThat(report.results()).isNotEmpty();
    for (EffectEstimate e : report.results()) {
      assertThat(e.estimate()).as(e.method().label()).isFinite();
      assertThat(e.se()).as(e.method().label()).isFinite();
      assertThat(e.ciLow()).isFinite();
      assertThat(e.ciHigh()).isFinite();
      assertThat(e.ess()).isFinite();
    }
    report.balance().forEach(b -> assertThat(b.smdBefore()).isFinite());
  }

  @Test
  void constantAndDuplicatedCovariatesAreDroppedWithAWarning() {
    int n = 2000;
    double[] x = new double[n];
    CausalData.Builder b = confounded(n, 1, x);
    double[] constant = new double[n];
    java.util.Arrays.fill(constant, 7.0);
    double[] twice = new double[n];
    for (int i = 0; i < n; i++) {
      twice[i] = 2 * x[i] + 1;
    }
    AnalysisReport report = ENGINE.run(b.covariate("always7", constant).covariate("x_again", twice).build(), ALL);
    assertAllFinite(report);
    assertThat(report.warnings()).anyMatch(w -> w.contains("'always7' is constant"));
    assertThat(report.warnings()).anyMatch(w -> w.contains("'x_again' is collinear"));
    assertThat(report.result(Method.AIPW).estimate()).isBetween(1.8, 2.2);
  }

  @Test
  void perfectSeparationIsAClearNoOverlapError() {
    int n = 500;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      t[i] = i >= n / 2 ? 1 : 0;
      y[i] = t[i] + 0.01 * i;
    }
    CausalData data = CausalData.builder(t, y).covariate("x", x).build();
    assertThatThrownBy(() -> ENGINE.run(data, ALL)).isInstanceOf(NoOverlapException.class)
        .hasMessageContaining("no overlap");
  }

  @Test
  void extremePropensitiesAreClippedAndReported() {
    int n = 4000;
    SplittableRandom r = new SplittableRandom(5);
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 3 * r.nextGaussian();
      t[i] = r.nextDouble() < 1 / (1 + Math.exp(-2.5 * x[i])) ? 1 : 0;
      y[i] = t[i] + x[i] + r.nextGaussian();
    }
    AnalysisReport report = ENGINE.run(CausalData.builder(t, y).covariate("x", x).build(), ALL);
    assertAllFinite(report);
    EffectEstimate ipw = report.result(Method.IPW);
    assertThat(ipw.details().get("clipped_share")).isGreaterThan(0.05);
    assertThat(ipw.warnings()).anyMatch(w -> w.contains("overlap is weak"));
    assertThat(report.overlap().warnings()).isNotEmpty();
  }

  @Test
  void tinyArmsGiveFiniteResultsOrNamedFailures() {
    int n = 60;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    SplittableRandom r = new SplittableRandom(2);
    for (int i = 0; i < n; i++) {
      x[i] = r.nextGaussian();
      t[i] = i < 2 ? 1 : 0;
      y[i] = t[i] + x[i];
    }
    AnalysisReport report = ENGINE.run(CausalData.builder(t, y).covariate("x", x).build(), ALL);
    assertAllFinite(report);
    assertThat(report.warnings()).anyMatch(w -> w.startsWith("aipw failed: ") && w.contains("cross-fit"));
  }

  @Test
  void constantOutcomeGivesZeroNotNaN() {
    int n = 300;
    double[] x = new double[n];
    CausalData.Builder b = confounded(n, 3, x);
    CausalData data = b.build();
    double[] flat = new double[n];
    java.util.Arrays.fill(flat, 1.0);
    AnalysisReport report = ENGINE.run(data.withOutcome(flat), ALL);
    assertAllFinite(report);
    for (EffectEstimate e : report.results()) {
      // Horvitz-Thompson does not normalise its weights, so it is not exactly 0 here: one reason
      // the Hajek form is the default.
      if (e.method() != Method.IPW_HT) {
        assertThat(Math.abs(e.estimate())).as(e.method().label()).isLessThan(1e-6);
      }
    }
  }

  @Test
  void categoricalOnlyCovariatesWithEmptyCells() {
    int n = 3000;
    SplittableRandom r = new SplittableRandom(9);
    double[] t = new double[n];
    double[] y = new double[n];
    double[] groupB = new double[n];
    double[] groupC = new double[n];
    for (int i = 0; i < n; i++) {
      int g = r.nextInt(3);
      groupB[i] = g == 1 ? 1 : 0;
      groupC[i] = g == 2 ? 1 : 0;
      // Group C is almost always treated: quasi-separation for one category.
      double p = g == 0 ? 0.3 : g == 1 ? 0.6 : 0.995;
      t[i] = r.nextDouble() < p ? 1 : 0;
      y[i] = (r.nextDouble() < 0.2 + 0.1 * t[i] + 0.2 * g / 2.0) ? 1 : 0;
    }
    AnalysisReport report = ENGINE.run(CausalData.builder(t, y).covariate("g=B", groupB).covariate("g=C", groupC)
        .build(), ALL);
    assertAllFinite(report);
    assertThat(report.result(Method.AIPW).estimate()).isBetween(0.03, 0.17);
  }

  @Test
  void weightsAreScaleFree() {
    int n = 1500;
    double[] x = new double[n];
    CausalData data = confounded(n, 4, x).build();
    SplittableRandom r = new SplittableRandom(8);
    double[] w = new double[n];
    double[] w1000 = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 1 + r.nextInt(20);
      w1000[i] = 1000 * w[i];
    }
    AnalysisOptions options = new AnalysisOptions(Estimand.ATE,
        EnumSet.of(Method.DIM, Method.RA, Method.IPW, Method.AIPW, Method.PSM), 1, false, NuisanceOptions.defaults());
    AnalysisReport a = ENGINE.run(withWeights(data, w), options);
    AnalysisReport b = ENGINE.run(withWeights(data, w1000), options);
    for (EffectEstimate e : a.results()) {
      EffectEstimate f = b.result(e.method());
      assertThat(f.estimate()).as(e.method().label())
          .isCloseTo(e.estimate(), org.assertj.core.api.Assertions.within(1e-6));
      assertThat(f.se()).as(e.method().label()).isCloseTo(e.se(), org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  private static CausalData withWeights(CausalData d, double[] w) {
    CausalData.Builder b = CausalData.builder(d.treatment(), d.outcome()).weights(w);
    for (int j = 0; j < d.covariateCount(); j++) {
      b.covariate(d.covariateNames().get(j), d.covariate(j));
    }
    return b.build();
  }

  @Test
  void weakAndConstantInstruments() {
    int n = 2000;
    double[] x = new double[n];
    CausalData data = confounded(n, 6, x).build();
    SplittableRandom r = new SplittableRandom(7);
    double[] noise = new double[n];
    for (int i = 0; i < n; i++) {
      noise[i] = r.nextGaussian();
    }
    CausalData.Builder weak = CausalData.builder(data.treatment(), data.outcome()).covariate("x", x)
        .instrument("noise", noise);
    EffectEstimate iv = new InstrumentalVariables()
        .estimate(PreparedData.prepare(weak.build(), ALL.nuisance(), ALL.seed()), Estimand.ATE).primary();
    assertThat(iv.estimate()).isFinite();
    assertThat(iv.details().get("first_stage_f")).isLessThan(10);
    assertThat(iv.warnings()).anyMatch(w -> w.startsWith("weak instrument"));
    double[] constant = new double[n];
    CausalData flat = CausalData.builder(data.treatment(), data.outcome()).covariate("x", x)
        .instrument("z", constant).build();
    assertThatThrownBy(() -> new InstrumentalVariables()
        .estimate(PreparedData.prepare(flat, ALL.nuisance(), ALL.seed()), Estimand.ATE))
        .isInstanceOf(CausalInputException.class).hasMessageContaining("instrument 'z' is constant");
  }

  @Test
  void nonFiniteInputIsRejectedWithTheColumnName() {
    double[] t = {0, 1, 0, 1};
    double[] y = {1, 2, Double.NaN, 3};
    assertThatThrownBy(() -> CausalData.builder(t, y).build()).isInstanceOf(CausalInputException.class)
        .hasMessageContaining("outcome has a non-finite value on row 3");
  }
}
