package io.tagcf.models.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.nuisance.NuisanceChoice;
import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.causal.weighting.AugmentedIpw;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Confounding through an interaction and a threshold ({@link ThresholdWorld}): AIPW with linear
 * nuisance models keeps the bias and its intervals miss the truth; with boosted trees, or the
 * cross-validated choice, they cover it at close to the nominal rate.
 */
class NonlinearConfoundingTest {
  private static final int REPLICATIONS = 200;
  private static final int ROWS = 2_000;

  @Test
  void flexibleNuisanceModelsRestoreCoverageWhereLinearOnesFail() {
    Summary glm = replicate(NuisanceModel.GLM);
    Summary boost = replicate(NuisanceModel.BOOST);
    Summary auto = replicate(NuisanceModel.AUTO);
    System.out.printf("threshold world, %d x %d rows: glm %s; boost %s; auto %s%n", REPLICATIONS, ROWS, glm, boost,
        auto);
    assertThat(glm.coverage()).isLessThan(0.85);
    assertThat(boost.coverage()).isGreaterThanOrEqualTo(0.90);
    assertThat(auto.coverage()).isGreaterThanOrEqualTo(0.90);
    assertThat(Math.abs(auto.bias())).isLessThan(Math.abs(glm.bias()) / 3);
    // The choice is the trees for the outcome models nearly always: the GLM's loss is visibly worse.
    assertThat(auto.outcomeBoosted()).isGreaterThanOrEqualTo(0.9);
    assertThat(glm.outcomeBoosted()).isZero();
  }

  record Summary(double coverage, double bias, double meanSe, double outcomeBoosted) {
    @Override
    public String toString() {
      return String.format("coverage %.1f%%, bias %.3f, mean se %.3f, outcome models boosted %.0f%%", 100 * coverage,
          bias, meanSe, 100 * outcomeBoosted);
    }
  }

  private static Summary replicate(NuisanceModel model) {
    EffectEstimate[] estimates = new EffectEstimate[REPLICATIONS];
    IntStream.range(0, REPLICATIONS).parallel().forEach(r -> {
      ThresholdWorld world = ThresholdWorld.generate(1.0, ROWS, 1_000 + r);
      PreparedData data = PreparedData.prepare(world.data(), NuisanceOptions.withModel(model), r);
      estimates[r] = new AugmentedIpw().estimate(data, Estimand.ATE).primary();
    });
    double covered = Arrays.stream(estimates).filter(e -> e.covers(1.0)).count() / (double) REPLICATIONS;
    double bias = Arrays.stream(estimates).mapToDouble(e -> e.estimate() - 1.0).average().orElseThrow();
    double se = Arrays.stream(estimates).mapToDouble(EffectEstimate::se).average().orElseThrow();
    long boosted = Arrays.stream(estimates).flatMap(e -> e.nuisanceModels().stream())
        .filter(c -> c.nuisance().startsWith("outcome")).map(NuisanceChoice::chosen).filter("boost"::equals).count();
    return new Summary(covered, bias, se, boosted / (2.0 * REPLICATIONS));
  }
}
