package io.tagcf.models.causal.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.AnalysisReport;
import io.tagcf.models.causal.CausalAnalysis;
import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.NuisanceOptions;
import java.util.EnumSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sensitivity measures checked against the numbers their authors published. */
class SensitivityTest {

  @Test
  void eValuesOfVanderWeeleAndDingsExample() {
    // Their worked example: an observed RR of 3.9 with 95% CI [1.8, 8.7] has E-values 7.26 and 3.0.
    assertThat(EValue.ofRiskRatio(3.9)).isCloseTo(7.26, within(0.005));
    assertThat(EValue.ofInterval(1.8, 8.7)).isCloseTo(3.0, within(0.005));
    // A protective effect uses 1/RR; an interval containing 1 needs no confounding at all.
    assertThat(EValue.ofRiskRatio(0.5)).isCloseTo(2 + Math.sqrt(2), within(1e-12));
    assertThat(EValue.ofInterval(0.4, 0.8)).isCloseTo(EValue.ofRiskRatio(0.8), within(1e-12));
    assertThat(EValue.ofInterval(0.9, 1.3)).isEqualTo(1.0);
    assertThatThrownBy(() -> EValue.ofRiskRatio(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void robustnessValuesOfCinelliAndHazlettsDarfurExample() {
    // Their Table 1: "directly harmed", t = 4.18 on 783 degrees of freedom: RV = 13.9%, RV at 5% = 7.6%.
    assertThat(RobustnessValue.of(4.184, 783, 1)).isCloseTo(0.139, within(5e-4));
    assertThat(RobustnessValue.ofSignificance(4.184, 783, 1, 0.05)).isCloseTo(0.076, within(5e-4));
    // An insignificant estimate needs no confounding to lose its significance.
    assertThat(RobustnessValue.ofSignificance(1.5, 783, 1, 0.05)).isZero();
    assertThat(RobustnessValue.of(-4.184, 783, 1)).isEqualTo(RobustnessValue.of(4.184, 783, 1));
  }

  private static CausalData design(boolean binaryOutcome) {
    SplittableRandom random = new SplittableRandom(5);
    int n = 3_000;
    double[] t = new double[n];
    double[] y = new double[n];
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextGaussian();
      t[i] = random.nextDouble() < 1 / (1 + Math.exp(-x[i])) ? 1 : 0;
      double p = 0.2 + 0.1 * t[i] + 0.05 * x[i];
      y[i] = binaryOutcome ? (random.nextDouble() < p ? 1 : 0) : p + random.nextGaussian();
    }
    return CausalData.builder(t, y).covariate("x", x).build();
  }

  @Test
  void everyEstimateGetsItsMeasuresWhereTheyApply() {
    AnalysisOptions options = new AnalysisOptions(Estimand.ATT, EnumSet.of(Method.DIM, Method.RA, Method.IPW), 1,
        false, NuisanceOptions.defaults());
    AnalysisReport binary = new CausalAnalysis().run(design(true), options);
    assertThat(binary.sensitivity()).extracting(Sensitivity::method)
        .containsExactly(Method.DIM, Method.RA, Method.IPW, Method.IPW_HT);
    for (Sensitivity s : binary.sensitivity()) {
      assertThat(s.eValue()).as(s.method().label()).isGreaterThan(1.0);
      assertThat(s.eValueCi()).isBetween(1.0, s.eValue());
      assertThat(s.robustnessValue() != null).isEqualTo(s.method() == Method.RA);
    }
    // The E-value follows from the reported risk ratio, so the two always agree.
    Sensitivity ra = binary.sensitivity().get(1);
    assertThat(ra.eValue()).isCloseTo(EValue.ofRiskRatio(ra.riskRatio()), within(1e-12));
    assertThat(ra.robustnessValue()).isBetween(0.0, 1.0);
    assertThat(ra.robustnessValueAlpha()).isLessThan(ra.robustnessValue());

    AnalysisReport continuous = new CausalAnalysis().run(design(false), options);
    assertThat(continuous.sensitivity()).allSatisfy(s -> assertThat(s.eValue()).isNull());
    assertThat(continuous.sensitivity().get(1).robustnessValue()).isNotNull();
  }
}
