package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.causal.matching.NnmOptions;
import io.tagcf.models.causal.matching.PsmOptions;
import io.tagcf.models.causal.nuisance.BoostOptions;
import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.PropensityTrim;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.util.EnumSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The options records: the documented defaults, and refusal of values no estimator can use. */
class OptionsRecordsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    AnalysisOptions analysis = AnalysisOptions.defaults();
    assertThat(analysis.estimand()).isEqualTo(Estimand.ATE);
    assertThat(analysis.methods()).isEqualTo(Method.selectableValues());
    assertThat(analysis.seed()).isEqualTo(1L);
    assertThat(analysis.refute()).isFalse();
    assertThat(analysis.nuisance())
        .isEqualTo(new NuisanceOptions(1e-4, FeatureExpansion.NONE, NuisanceModel.AUTO, BoostOptions.defaults()));
    assertThat(new NuisanceOptions(1e-4, FeatureExpansion.NONE).model()).isEqualTo(NuisanceModel.GLM);
    assertThat(BoostOptions.defaults()).isEqualTo(new BoostOptions(300, 2, 0.1, 1.0, 20, 0.2, 200_000, 50));
    assertThat(WeightingOptions.defaults()).isEqualTo(new WeightingOptions(0.01, PropensityTrim.CLIP));
    assertThat(AipwOptions.defaults()).isEqualTo(new AipwOptions(5, WeightingOptions.defaults()));
    assertThat(PsmOptions.defaults()).isEqualTo(new PsmOptions(0.2, PsmOptions.METHOD_DEFAULT, 2));
    assertThat(PsmOptions.METHOD_DEFAULT).isZero();
    assertThat(PsmOptions.WEIGHTED_PSM_NEIGHBOURS).isEqualTo(20);
    assertThat(NnmOptions.defaults()).isEqualTo(new NnmOptions(1, 2_000_000_000L, 2));
    assertThat(MethodOptions.defaults()).isEqualTo(new MethodOptions(
        WeightingOptions.defaults(), AipwOptions.defaults(), PsmOptions.defaults(), NnmOptions.defaults()));
  }

  @Test
  void weightingBoundsMustLeaveABand() {
    refused(() -> new WeightingOptions(-0.01, PropensityTrim.CLIP), "clip must be in [0, 0.5)");
    refused(() -> new WeightingOptions(0.5, PropensityTrim.CLIP), "clip must be in [0, 0.5)");
    refused(() -> new WeightingOptions(Double.NaN, PropensityTrim.TRIM), "clip must be in [0, 0.5)");
    refused(() -> new WeightingOptions(0.01, null), "trim must be given");
    assertThat(new WeightingOptions(0.0, PropensityTrim.TRIM).clip()).isZero();
    assertThat(new WeightingOptions(0.05, PropensityTrim.TRIM).clippingOnly())
        .isEqualTo(new WeightingOptions(0.05, PropensityTrim.CLIP));
  }

  @Test
  void aipwNeedsAFoldAndBounds() {
    refused(() -> new AipwOptions(0, WeightingOptions.defaults()), "folds must be >= 1");
    refused(() -> new AipwOptions(5, null), "weighting options must be given");
    assertThat(new AipwOptions(1, WeightingOptions.defaults()).folds()).isEqualTo(1);
  }

  @Test
  void propensityMatchingSettings() {
    refused(() -> new PsmOptions(-0.1, 1, 2), "caliper must be >= 0 (0 = none)");
    refused(() -> new PsmOptions(Double.NaN, 1, 2), "caliper must be >= 0 (0 = none)");
    refused(() -> new PsmOptions(0.2, -1, 2), "neighbours must be >= 1 (or 0 for the method's default)");
    refused(() -> new PsmOptions(0.2, 1, 0), "varianceNeighbours must be >= 1");
    assertThat(new PsmOptions(0.0, 3, 1).neighbours()).isEqualTo(3);
  }

  @Test
  void covariateMatchingSettings() {
    refused(() -> new NnmOptions(0, 1000, 2), "neighbours must be >= 1");
    refused(() -> new NnmOptions(1, 0, 2), "matchingWorkBudget must be >= 1");
    refused(() -> new NnmOptions(1, 1000, 0), "varianceNeighbours must be >= 1");
  }

  @Test
  void nuisanceModelsNeedAPenalty() {
    refused(() -> new NuisanceOptions(0, FeatureExpansion.NONE), "lambda must be > 0");
    refused(() -> new NuisanceOptions(Double.NaN, FeatureExpansion.NONE), "lambda must be > 0");
    refused(() -> new NuisanceOptions(1e-4, null), "expansion must be given");
    refused(() -> new NuisanceOptions(1e-4, FeatureExpansion.NONE, null, BoostOptions.defaults()),
        "model must be given");
    refused(() -> new NuisanceOptions(1e-4, FeatureExpansion.NONE, NuisanceModel.AUTO, null),
        "boost options must be given");
  }

  @Test
  void boostingSettings() {
    refused(() -> new BoostOptions(0, 4, 0.1, 1, 20, 0.2, 1000, 50), "maxRounds must be >= 1");
    refused(() -> new BoostOptions(10, 0, 0.1, 1, 20, 0.2, 1000, 50), "maxDepth must be in [1, 12]");
    refused(() -> new BoostOptions(10, 13, 0.1, 1, 20, 0.2, 1000, 50), "maxDepth must be in [1, 12]");
    refused(() -> new BoostOptions(10, 4, 0, 1, 20, 0.2, 1000, 50), "learningRate must be in (0, 1]");
    refused(() -> new BoostOptions(10, 4, Double.NaN, 1, 20, 0.2, 1000, 50), "learningRate must be in (0, 1]");
    refused(() -> new BoostOptions(10, 4, 0.1, -1, 20, 0.2, 1000, 50), "minChildWeight must be a finite number >= 0");
    refused(() -> new BoostOptions(10, 4, 0.1, 1, 0, 0.2, 1000, 50), "earlyStoppingRounds must be >= 1");
    refused(() -> new BoostOptions(10, 4, 0.1, 1, 20, 0.5, 1000, 50), "validationShare must be in (0, 0.5)");
    refused(() -> new BoostOptions(10, 4, 0.1, 1, 20, 0.2, 1000, 5), "minTrainingRows must be >= 10");
    refused(() -> new BoostOptions(10, 4, 0.1, 1, 20, 0.2, 40, 50), "maxTrainingRows must be >= minTrainingRows");
  }

  @Test
  void nuisanceModelNames() {
    assertThat(NuisanceModel.parse(" Boost ")).isEqualTo(NuisanceModel.BOOST);
    assertThat(NuisanceModel.parse("auto")).isEqualTo(NuisanceModel.AUTO);
    assertThat(NuisanceModel.parse("glm").label()).isEqualTo("glm");
    assertThatThrownBy(() -> NuisanceModel.parse("forest")).isInstanceOf(CausalInputException.class)
        .hasMessage("unknown nuisance model 'forest' (use glm, boost or auto)");
  }

  @Test
  void analysisOptionsAreCompleteAndImmutable() {
    refused(() -> new AnalysisOptions(null, Set.of(Method.DIM), 1, false, NuisanceOptions.defaults()),
        "estimand must be given");
    refused(() -> new AnalysisOptions(Estimand.ATE, Set.of(Method.DIM), 1, false, null),
        "nuisance options must be given");
    EnumSet<Method> methods = EnumSet.of(Method.DIM);
    AnalysisOptions options = new AnalysisOptions(Estimand.ATT, methods, 7, true, NuisanceOptions.defaults());
    methods.add(Method.IPW);
    assertThat(options.methods()).containsExactly(Method.DIM);
    refused(() -> new MethodOptions(null, AipwOptions.defaults(), PsmOptions.defaults(), NnmOptions.defaults()),
        "every estimator's options must be given");
  }

  private static void refused(ThrowingCallable construction, String message) {
    assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
