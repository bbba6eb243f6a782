package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.simulation.LinearWorld;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * DoWhy's own accuracy bars on its linear world (beta = 10, n = 100,000), each on the grid of
 * common causes and instruments DoWhy's test suite uses for that estimator, over three seeds:
 * AIPW within 10% (1 common cause, 0-1 instruments), IPW within 40% and PSM within 30% (1-2 common
 * causes, no instrument), IV within 40% (0-1 common causes, 1-2 instruments).
 */
class DoWhyLinearWorldTest {
  private static final CausalAnalysis ENGINE = new CausalAnalysis();
  private static final int N = 100_000;
  private static final long[] SEEDS = {1, 2, 3};

  @Test
  void aipwWithinTenPercent() {
    for (int instruments = 0; instruments <= 1; instruments++) {
      for (long seed : SEEDS) {
        assertWithin(Method.AIPW, 1, instruments, seed, 0.10);
      }
    }
  }

  @Test
  void ipwWithinFortyPercent() {
    for (int causes = 1; causes <= 2; causes++) {
      for (long seed : SEEDS) {
        assertWithin(Method.IPW, causes, 0, seed, 0.40);
      }
    }
  }

  @Test
  void psmWithinThirtyPercent() {
    for (int causes = 1; causes <= 2; causes++) {
      for (long seed : SEEDS) {
        assertWithin(Method.PSM, causes, 0, seed, 0.30);
      }
    }
  }

  @Test
  void ivWithinFortyPercent() {
    for (int causes = 0; causes <= 1; causes++) {
      for (int instruments = 1; instruments <= 2; instruments++) {
        for (long seed : SEEDS) {
          assertWithin(Method.IV, causes, instruments, seed, 0.40);
        }
      }
    }
  }

  /** Five common causes and two instruments: overlap is poor, yet AIPW and IV hold DoWhy's bars. */
  @Test
  void aipwAndIvHoldOnTheHarderWorld() {
    for (long seed : SEEDS) {
      assertWithin(Method.AIPW, 5, 2, seed, 0.10);
      assertWithin(Method.IV, 5, 2, seed, 0.40);
    }
  }

  private static void assertWithin(Method method, int causes, int instruments, long seed, double bar) {
    LinearWorld world = LinearWorld.generate(10, causes, instruments, N, seed);
    AnalysisOptions options =
        new AnalysisOptions(Estimand.ATE, Set.of(method), seed, false, NuisanceOptions.defaults());
    AnalysisReport report = ENGINE.run(world.data(), options);
    String name = method.label();
    EffectEstimate e = report.result(method);
    double error = Math.abs(e.estimate() - world.trueEffect()) / world.trueEffect();
    System.out.printf("dowhy-world %-4s causes=%d instruments=%d seed=%d: %.4f (se %.4f) error %.2f%% (bar %.0f%%)%n",
        name, causes, instruments, seed, e.estimate(), e.se(), 100 * error, 100 * bar);
    assertThat(error).as("%s relative error", name).isLessThan(bar);
  }
}
