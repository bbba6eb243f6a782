package io.tagcf.models.causal.nuisance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.PenalizedGlm;
import io.tagcf.models.causal.weighting.CrossFitFolds;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CrossFittedNuisanceTest {
  private static final int K = 5;

  @Test
  void theGlmAloneGivesEachRowTheFitOfTheOtherFolds() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(600, 1, GlmFamily.GAUSSIAN, 1, NuisanceTasks::linear);
    int[] fold = folds(600);
    boolean[] all = flags(600, true);
    CrossFittedNuisance.Fit fit =
        CrossFittedNuisance.fit(p.task(), fold, K, all, NuisanceModel.GLM, BoostOptions.defaults());
    for (int f = 0; f < K; f++) {
      int fold0 = f;
      int[] train = NuisanceTasks.range(0, 600);
      train = Arrays.stream(train).filter(i -> fold[i] != fold0).toArray();
      GlmFit own = PenalizedGlm.fit(p.task().design(), p.task().target(), p.task().weights(), train,
          GlmFamily.GAUSSIAN, 1e-4);
      for (int i = 0; i < 600; i++) {
        if (fold[i] == f) {
          assertThat(fit.predictions()[i]).isCloseTo(own.mean(p.task().design(), i), within(1e-9));
        }
      }
    }
    assertThat(fit.choice().learners()).containsExactly("glm");
    assertThat(fit.choice().chosen()).isEqualTo("glm");
    assertThat(fit.note()).isNull();
    assertThat(fit.converged()).isTrue();
  }

  @Test
  void autoTakesTheTreesWhereTheTruthHasThresholds() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(2000, 2, GlmFamily.GAUSSIAN, 0.5, NuisanceTasks::step);
    CrossFittedNuisance.Fit fit = CrossFittedNuisance.fit(
        p.task(), folds(2000), K, flags(2000, true), NuisanceModel.AUTO, BoostOptions.defaults());
    NuisanceChoice choice = fit.choice();
    assertThat(choice.learners()).containsExactly("glm", "boost");
    assertThat(choice.criterion()).isEqualTo("squared error");
    assertThat(choice.scores().get(1)).isLessThan(choice.scores().get(0));
    assertThat(choice.chosen()).isEqualTo("boost");
    assertThat(NuisanceTasks.error(fit.predictions(), NuisanceTasks.range(0, 2000), p.truth())).isLessThan(0.05);
  }

  @Test
  void autoKeepsTheGlmWhereTheTruthIsLinear() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(2000, 3, GlmFamily.GAUSSIAN, 1, NuisanceTasks::linear);
    CrossFittedNuisance.Fit fit = CrossFittedNuisance.fit(
        p.task(), folds(2000), K, flags(2000, true), NuisanceModel.AUTO, BoostOptions.defaults());
    assertThat(fit.choice().chosen()).isEqualTo("glm");
    assertThat(fit.choice().scores().get(0)).isLessThan(fit.choice().scores().get(1));
  }

  @Test
  void outcomeModelsLearnFromTheirArmOnlyAndAreJudgedOnIt() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(800, 4, GlmFamily.GAUSSIAN, 1, NuisanceTasks::linear);
    boolean[] arm = new boolean[800];
    for (int i = 0; i < 800; i++) {
      arm[i] = i % 2 == 0;
    }
    double[] poisoned = p.task().target().clone();
    for (int i = 1; i < 800; i += 2) {
      poisoned[i] = 1e6;
    }
    NuisanceTask task = new NuisanceTask("outcome_control", p.task().design(), p.task().covariates(), poisoned,
        p.task().weights(), GlmFamily.GAUSSIAN, 1e-4, 4);
    CrossFittedNuisance.Fit fit =
        CrossFittedNuisance.fit(task, folds(800), K, arm, NuisanceModel.GLM, BoostOptions.defaults());
    // Rows outside the arm are predicted (every row needs m0) but neither fitted nor scored.
    assertThat(NuisanceTasks.error(fit.predictions(), NuisanceTasks.range(0, 800), p.truth())).isLessThan(0.1);
    assertThat(fit.choice().scores().get(0)).isBetween(0.8, 1.3);
  }

  @Test
  void theChoiceFollowsTheCriterionGiven() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(2000, 7, GlmFamily.GAUSSIAN, 0.5, NuisanceTasks::step);
    boolean[] all = flags(2000, true);
    // A criterion that prefers predictions far from the target picks the worse learner.
    SelectionCriterion perverse = new SelectionCriterion() {
      @Override
      public String name() {
        return "negated squared error";
      }

      @Override
      public double score(double[] predictions) {
        return -NuisanceLoss.mean(GlmFamily.GAUSSIAN, p.task().target(), p.task().weights(), all, predictions);
      }
    };
    CrossFittedNuisance.Fit fit = CrossFittedNuisance.fit(
        p.task(), folds(2000), K, all, NuisanceModel.AUTO, BoostOptions.defaults(), perverse);
    assertThat(fit.choice().chosen()).isEqualTo("glm");
    assertThat(fit.choice().criterion()).isEqualTo("negated squared error");
    SelectionCriterion loss = SelectionCriterion.loss(p.task(), all);
    assertThat(loss.name()).isEqualTo("squared error");
    assertThat(loss.score(fit.predictions()))
        .isCloseTo(NuisanceLoss.mean(GlmFamily.GAUSSIAN, p.task().target(), p.task().weights(), all,
            fit.predictions()), within(1e-12));
  }

  @Test
  void boostingAloneRefusesFoldsWithTooFewRows() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(60, 5, GlmFamily.GAUSSIAN, 1, NuisanceTasks::linear);
    assertThatThrownBy(() -> CrossFittedNuisance.fit(
        p.task(), folds(60), K, flags(60, true), NuisanceModel.BOOST, BoostOptions.defaults()))
        .isInstanceOf(NuisanceModelException.class)
        .hasMessage("boosting the target model needs at least 50 training rows in each of the 5 cross-fitting"
            + " folds, and one fold has 48 (use --nuisance glm or auto)");
  }

  @Test
  void autoFallsBackToTheGlmWithANoteWhenBoostingCannotBeFittedOrChosen() {
    NuisanceTasks.Problem p = NuisanceTasks.problem(60, 6, GlmFamily.GAUSSIAN, 1, NuisanceTasks::linear);
    CrossFittedNuisance.Fit small = CrossFittedNuisance.fit(
        p.task(), folds(60), K, flags(60, true), NuisanceModel.AUTO, BoostOptions.defaults());
    assertThat(small.choice().learners()).containsExactly("glm");
    assertThat(small.note()).isEqualTo("target model: GLM only; boosting the target model needs at least 50"
        + " training rows in each of the 5 cross-fitting folds, and one fold has 48");
    CrossFittedNuisance.Fit oneFold = CrossFittedNuisance.fit(
        p.task(), new int[60], 1, flags(60, true), NuisanceModel.AUTO, BoostOptions.defaults());
    assertThat(oneFold.choice().learners()).containsExactly("glm");
    assertThat(oneFold.note()).isEqualTo("target model: GLM only (choosing a learner needs cross-fitting folds)");
  }

  @Test
  void lossesAreTheFamilysNegativeLogLikelihood() {
    assertThat(NuisanceLoss.of(GlmFamily.GAUSSIAN, 3, 1)).isEqualTo(4.0);
    assertThat(NuisanceLoss.of(GlmFamily.BINOMIAL, 1, 0.25)).isCloseTo(Math.log(4), within(1e-12));
    assertThat(NuisanceLoss.of(GlmFamily.BINOMIAL, 0, 0.25)).isCloseTo(-Math.log(0.75), within(1e-12));
    assertThat(NuisanceLoss.of(GlmFamily.BINOMIAL, 1, 0.0)).isCloseTo(-Math.log(1e-15), within(1e-9));
    assertThat(NuisanceLoss.name(GlmFamily.BINOMIAL)).isEqualTo("log loss");
    double[] y = {0, 1, 1};
    assertThat(NuisanceLoss.mean(GlmFamily.GAUSSIAN, y, new double[] {1, 1, 2}, new boolean[] {true, false, true},
        new double[] {1, 0, 0})).isCloseTo((1 + 2) / 3.0, within(1e-12));
  }

  private static int[] folds(int n) {
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i % 3 == 0 ? 1 : 0;
    }
    return CrossFitFolds.assign(t, K, 11);
  }

  private static boolean[] flags(int n, boolean value) {
    boolean[] out = new boolean[n];
    Arrays.fill(out, value);
    return out;
  }
}
