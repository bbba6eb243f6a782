package io.tagcf.models.tagging.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScoreCalibrationTest {

  @Test
  void poolsAdjacentViolatorsIntoAMonotoneFit() {
    // outcomes by rising score: 1 0 | 0 1 1 -> the first two pool to 0.5, then 0, then ...
    double[] x = {0.1, 0.2, 0.3, 0.4, 0.5};
    boolean[] y = {true, false, false, true, true};
    ScoreCalibration c = ScoreCalibration.fit(x, y);
    // PAV: [1,0,0] pools to 1/3 at mean score 0.2, then 1 at 0.45
    assertThat(c.points()).isEqualTo(2);
    assertThat(c.apply(0.2)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(c.apply(0.45)).isCloseTo(1.0, within(1e-12));
    assertThat(c.apply(0.325)).isCloseTo(1.0 / 3 + 0.5 * (2.0 / 3), within(1e-12));
    assertThat(c.apply(0.0)).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(c.apply(1.0)).isEqualTo(1.0);
  }

  @Test
  void recoversAKnownCalibrationCurve() {
    // scores whose true chance of being right is score^2: the fit must find it
    Random r = new Random(3);
    int n = 200_000;
    double[] x = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i] = r.nextDouble();
      y[i] = r.nextDouble() < x[i] * x[i];
    }
    ScoreCalibration c = ScoreCalibration.fit(x, y);
    for (double s = 0.1; s < 0.95; s += 0.1) {
      assertThat(c.apply(s)).as("at %.1f", s).isCloseTo(s * s, within(0.02));
    }
    for (double s = 0; s < 1; s += 0.01) {
      assertThat(c.apply(s + 0.01)).isGreaterThanOrEqualTo(c.apply(s));
    }
  }

  @Test
  void tiedScoresWithDifferentOutcomesBecomeOnePoint() {
    ScoreCalibration c = ScoreCalibration.fit(new double[] {0.5, 0.5, 0.5, 0.9}, new boolean[] {false, true, true, true});
    assertThat(c.apply(0.5)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(c.points()).isEqualTo(2);
  }

  @Test
  void writtenAndReadBackExactly() throws Exception {
    Random r = new Random(9);
    double[] x = new double[1_000];
    boolean[] y = new boolean[1_000];
    for (int i = 0; i < x.length; i++) {
      // scores crowding near 1, as saturated logistic scores do
      x[i] = 1 - Math.pow(r.nextDouble(), 8) * 1e-3;
      y[i] = r.nextBoolean();
    }
    ScoreCalibration c = ScoreCalibration.fit(x, y);
    ScoreCalibration back = ScoreCalibration.read(new StringReader(c.toTsv()));
    assertThat(back.points()).isEqualTo(c.points());
    for (double s : x) {
      assertThat(back.apply(s)).isEqualTo(c.apply(s));
    }
  }

  @Test
  void aFileThatDoesNotRiseIsRefused() {
    assertThatThrownBy(() -> ScoreCalibration.read(new StringReader("0.5\t0.6\n0.4\t0.7\n"))).hasMessageContaining("rise");
    assertThatThrownBy(() -> ScoreCalibration.read(new StringReader("0.4\t0.6\n0.5\t0.5\n"))).hasMessageContaining("rise");
    assertThatThrownBy(() -> ScoreCalibration.read(new StringReader("# nothing\n"))).hasMessageContaining("at least one");
    assertThatThrownBy(() -> ScoreCalibration.fit(new double[] {0.5}, new boolean[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShippedMapRisesFromLowToHigh() {
    ScoreCalibration c = ScoreCalibration.bundled();
    assertThat(c.points()).isGreaterThan(5);
    assertThat(c.apply(0.5)).isLessThan(c.apply(0.999));
    assertThat(ScoreCalibration.IDENTITY.apply(0.37)).isCloseTo(0.37, within(1e-12));
  }
}
