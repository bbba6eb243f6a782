package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.causal.matching.MatchingEstimate;
import io.tagcf.models.causal.matching.NnmOptions;
import io.tagcf.models.causal.matching.PropensityScoreMatching;
import io.tagcf.models.causal.matching.PsmOptions;
import io.tagcf.models.causal.refute.Refutation;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import io.tagcf.models.causal.weighting.PropensityTrim;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refuters re-run an estimator on changed data with the options it was configured with: the
 * placebo-outcome re-estimate equals that estimator, so configured, on the placebo outcome.
 */
class RefuterOptionsTest {
  private static final PsmOptions PSM = new PsmOptions(0.0, 3, MatchingEstimate.DEFAULT_VARIANCE_NEIGHBOURS);
  private static final AipwOptions AIPW = new AipwOptions(2, new WeightingOptions(0.05, PropensityTrim.CLIP));

  private static CausalData lalonde() {
    Map<String, List<String>> t = TestTables.read("lalonde.csv");
    return CausalData.builder(TestTables.numbers(t, "treat"), TestTables.numbers(t, "re78"))
        .covariate("age", TestTables.numbers(t, "age"))
        .covariate("educ", TestTables.numbers(t, "educ"))
        .covariate("married", TestTables.numbers(t, "married"))
        .covariate("re75", TestTables.numbers(t, "re75"))
        .placeboOutcome(TestTables.numbers(t, "re74"))
        .build();
  }

  @Test
  void placeboRerunUsesTheConfiguredEstimator() {
    CausalData data = lalonde();
    CausalAnalysis engine = new CausalAnalysis(
        new MethodOptions(WeightingOptions.defaults(), AIPW, PSM, NnmOptions.defaults()));
    AnalysisOptions options =
        new AnalysisOptions(Estimand.ATT, EnumSet.of(Method.AIPW, Method.PSM), 3, true, NuisanceOptions.defaults());
    AnalysisReport report = engine.run(data, options);
    PreparedData placebo = PreparedData.prepare(data.withOutcome(data.placeboOutcome()), options.nuisance(), 3);

    double psm = placeboRefuted(report, Method.PSM);
    assertThat(psm).isEqualTo(new PropensityScoreMatching(PSM).estimate(placebo, Estimand.ATT).primary().estimate());
    assertThat(psm).isNotEqualTo(new PropensityScoreMatching().estimate(placebo, Estimand.ATT).primary().estimate());

    double aipw = placeboRefuted(report, Method.AIPW);
    assertThat(aipw).isEqualTo(new AugmentedIpw(AIPW).estimate(placebo, Estimand.ATT).primary().estimate());
    assertThat(aipw).isNotEqualTo(new AugmentedIpw().estimate(placebo, Estimand.ATT).primary().estimate());
  }

  private static double placeboRefuted(AnalysisReport report, Method method) {
    return report.refutations().stream()
        .filter(r -> r.refuter().equals("placebo_outcome") && r.method() == method)
        .map(Refutation::refuted)
        .findFirst()
        .orElseThrow();
  }
}
