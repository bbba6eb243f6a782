package io.tagcf.models.causal.nuisance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BoostedTreesLearnerTest {
  private static final int[] TRAIN = NuisanceTasks.range(0, 1500);
  private static final int[] TEST = NuisanceTasks.range(1500, 3000);

  @Test
  void learnsAThresholdInteractionTheGlmCannotFollow() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(3000, 1, GlmFamily.GAUSSIAN, 0.5, NuisanceTasks::step);
    double boosted = NuisanceTasks.error(
        new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(p.task(), TRAIN, TEST), TEST, p.truth());
    double linear = NuisanceTasks.error(new GlmLearner().fitAndPredict(p.task(), TRAIN, TEST), TEST, p.truth());
    // The truth has variance 0.75; the best linear fit leaves about 0.3 of it.
    assertThat(linear).isGreaterThan(0.25);
    assertThat(boosted).isLessThan(0.05);
  }

  @Test
  void logisticPredictionsAreProbabilitiesNearTheTruth() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(3000, 2, GlmFamily.BINOMIAL, 0,
        x -> Sigmoid.of(NuisanceTasks.step(x) - 1));
    double[] predicted = new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(p.task(), TRAIN, TEST);
    assertThat(Arrays.stream(predicted).min().orElseThrow()).isGreaterThan(0.0);
    assertThat(Arrays.stream(predicted).max().orElseThrow()).isLessThan(1.0);
    assertThat(NuisanceTasks.error(predicted, TEST, p.truth())).isLessThan(0.01);
  }

  @Test
  void theSameSeedGivesTheSameModelAndAnotherSeedAnotherHoldOut() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(2000, 3, GlmFamily.GAUSSIAN, 1, NuisanceTasks::step);
    int[] train = NuisanceTasks.range(0, 1000);
    int[] test = NuisanceTasks.range(1000, 2000);
    double[] first = new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(p.task(), train, test);
    double[] again = new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(p.task(), train, test);
    NuisanceTask reseeded = new NuisanceTask("target", p.task().design(), p.task().covariates(), p.task().target(),
        p.task().weights(), p.task().family(), p.task().lambda(), 99);
    double[] other = new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(reseeded, train, test);
    assertThat(again).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void aLargeTrainingSetIsSubsampledAndStillLearns() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(3000, 4, GlmFamily.GAUSSIAN, 0.5, NuisanceTasks::step);
    BoostOptions small = new BoostOptions(300, 4, 0.1, 1.0, 20, 0.2, 600, 50);
    double[] sub = new BoostedTreesLearner(small).fitAndPredict(p.task(), TRAIN, TEST);
    double[] full = new BoostedTreesLearner(BoostOptions.defaults()).fitAndPredict(p.task(), TRAIN, TEST);
    assertThat(sub).isNotEqualTo(full);
    assertThat(NuisanceTasks.error(sub, TEST, p.truth())).isLessThan(0.1);
  }

  @Test
  void rowWeightsCount() {
    // Rows with X3 > 0 carry the target 2 + noise, the others 0 + noise; zero weight on the first
    // group leaves only the second to learn from, so every prediction is near 0.
    NuisanceTasks.Problem p = NuisanceTasks.problem(2000, 5, GlmFamily.GAUSSIAN, 0.1, x -> x[2] > 0 ? 2 : 0);
    double[] w = p.task().weights().clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = p.task().covariates()[2][i] > 0 ? 0 : 1;
    }
    NuisanceTask weighted = new NuisanceTask("target", p.task().design(), p.task().covariates(), p.task().target(),
        w, p.task().family(), p.task().lambda(), 5);
    double[] predicted = new BoostedTreesLearner(BoostOptions.defaults())
        .fitAndPredict(weighted, NuisanceTasks.range(0, 1000), NuisanceTasks.range(1000, 2000));
    assertThat(Arrays.stream(predicted).map(Math::abs).max().orElseThrow()).isLessThan(0.2);
  }
}
