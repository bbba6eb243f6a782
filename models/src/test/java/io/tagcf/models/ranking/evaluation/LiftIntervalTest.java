package io.tagcf.models.ranking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LiftIntervalTest {

  @Test
  void equalArmsHaveNoLiftAndAClearGainIsAboveZero() {
    Random random = new Random(3);
    double[] base = new double[2000];
    double[] same = new double[2000];
    double[] better = new double[2000];
    double[] noise = new double[2000];
    for (int u = 0; u < base.length; u++) {
      base[u] = random.nextDouble() < 0.2 ? 1 : 0;
      same[u] = base[u];
      better[u] = base[u] == 1 || random.nextDouble() < 0.05 ? 1 : 0; // about +20%
      noise[u] = random.nextDouble() < 0.2 ? 1 : 0; // independent, same rate
    }
    LiftInterval none = LiftInterval.of(base, same, 500, 1);
    assertThat(none.lift()).isZero();
    assertThat(none.low()).isZero();
    assertThat(none.high()).isZero();
    LiftInterval gain = LiftInterval.of(base, better, 500, 1);
    assertThat(gain.lift()).isBetween(0.1, 0.3);
    assertThat(gain.aboveZero()).isTrue();
    assertThat(gain.low()).isLessThan(gain.lift());
    assertThat(gain.high()).isGreaterThan(gain.lift());
    LiftInterval unrelated = LiftInterval.of(base, noise, 500, 1);
    assertThat(unrelated.low()).isLessThan(0);
    assertThat(unrelated.high()).isGreaterThan(0);
    // seeded: the same call gives the same interval
    assertThat(LiftInterval.of(base, better, 500, 1)).isEqualTo(gain);
    assertThat(gain.high() - gain.low()).isCloseTo(0.1, within(0.08));
  }
}
