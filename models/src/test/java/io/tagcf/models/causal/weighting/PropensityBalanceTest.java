package io.tagcf.models.causal.weighting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropensityBalanceTest {

  @Test
  void theTruePropensityBalancesBetterThanAConstantOrAWrongOne() {
    int n = 20_000;
    SplittableRandom random = new SplittableRandom(3);
    double[][] x = new double[2][n];
    double[] t = new double[n];
    double[] truth = new double[n];
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    for (int i = 0; i < n; i++) {
      x[0][i] = random.nextGaussian();
      x[1][i] = random.nextGaussian();
      truth[i] = Sigmoid.of(x[0][i] - 0.5 * x[1][i]);
      t[i] = random.nextDouble() < truth[i] ? 1 : 0;
    }
    double[] constant = new double[n];
    double[] half = new double[n];
    for (int i = 0; i < n; i++) {
      constant[i] = 0.5;
      half[i] = Sigmoid.of(x[0][i]);
    }
    for (Estimand estimand : Estimand.values()) {
      PropensityBalance balance = new PropensityBalance(x, t, w, estimand, WeightingOptions.defaults());
      double right = balance.score(truth);
      double none = balance.score(constant);
      double partial = balance.score(half);
      assertThat(right).as(estimand.label()).isLessThan(0.05);
      assertThat(partial).as(estimand.label()).isGreaterThan(right).isLessThan(none);
      assertThat(none).as(estimand.label()).isGreaterThan(0.3);
      assertThat(balance.name())
          .isEqualTo("mean |SMD| of covariates and outcome predictions after " + estimand.label() + " weighting");
    }
    // No covariates: nothing to balance.
    assertThat(new PropensityBalance(new double[0][], t, w, Estimand.ATE, WeightingOptions.defaults())
        .score(truth)).isCloseTo(0.0, within(0.0));
  }
}
