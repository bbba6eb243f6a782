package io.tagcf.models.tagging.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReliabilityDiagramTest {

  @Test
  void binsAndExpectedCalibrationError() {
    ReliabilityDiagram d = new ReliabilityDiagram();
    // bin [0.2, 0.3): two tags scored 0.25, one right -> gap 0.25
    d.add(0.25, true);
    d.add(0.25, false);
    // bin [0.9, 1.0]: score 1.0 lands in the last bin, right -> gap 0
    d.add(1.0, true);
    d.add(1.0, true);
    assertThat(d.total()).isEqualTo(4);
    var bins = d.bins();
    assertThat(bins).hasSize(ReliabilityDiagram.BINS);
    assertThat(bins.get(2).count()).isEqualTo(2);
    assertThat(bins.get(2).shareRight()).isEqualTo(0.5);
    assertThat(bins.get(9).count()).isEqualTo(2);
    assertThat(bins.get(9).meanScore()).isEqualTo(1.0);
    assertThat(d.expectedCalibrationError()).isCloseTo((2 * 0.25 + 2 * 0.0) / 4, within(1e-12));
    assertThat(new ReliabilityDiagram().expectedCalibrationError()).isNaN();
  }
}
