package io.tagcf.models.causal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrumpTrimmingTest {

  /**
   * For e ~ U(0, 1) the rule's alpha solves 1/(a(1-a)) = 2 E[g | a <= e <= 1-a], where that mean is
   * 2 ln((1-a)/a) / (1 - 2a); solved here by bisection as the reference.
   */
  private static double uniformAlpha() {
    double lo = 0.01;
    double hi = 0.3;
    for (int i = 0; i < 100; i++) {
      double a = (lo + hi) / 2;
      double lhs = 1 / (a * (1 - a));
      double rhs = 4 * Math.log((1 - a) / a) / (1 - 2 * a);
      if (lhs > rhs) {
        lo = a;
      } else {
        hi = a;
      }
    }
    return (lo + hi) / 2;
  }

  @Test
  void uniformPropensitiesGiveTheAnalyticalAlphaNearOneTenth() {
    int n = 200_000;
    double[] e = new double[n];
    double[] t = new double[n];
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < n; i++) {
      e[i] = random.nextDouble();
      t[i] = random.nextDouble() < e[i] ? 1 : 0;
    }
    CrumpTrimming trim = CrumpTrimming.of(e, t);
    double reference = uniformAlpha();
    assertThat(reference).isCloseTo(0.1018, within(5e-4));
    assertThat(trim.alpha()).isCloseTo(reference, within(0.002));
    int dropped = trim.droppedTreated() + trim.droppedControl();
    assertThat(dropped + trim.kept().length).isEqualTo(n);
    assertThat((double) dropped / n).isCloseTo(2 * reference, within(0.01));
    for (int i : trim.kept()) {
      assertThat(e[i]).isBetween(trim.alpha(), 1 - trim.alpha());
    }
  }

  @Test
  void goodOverlapKeepsEveryRow() {
    double[] e = {0.3, 0.4, 0.5, 0.6, 0.7, 0.45};
    double[] t = {1, 0, 1, 0, 1, 0};
    CrumpTrimming trim = CrumpTrimming.of(e, t);
    assertThat(trim.alpha()).isZero();
    assertThat(trim.kept()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(trim.droppedTreated() + trim.droppedControl()).isZero();
  }
}
