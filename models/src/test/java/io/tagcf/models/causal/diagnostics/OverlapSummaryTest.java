package io.tagcf.models.causal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverlapSummaryTest {

  @Test
  void rowsBeyondTheOtherArmsPropensityRangeAreCountedPerArm() {
    double[] e = {0.2, 0.5, 0.95, 0.1, 0.3, 0.6, 0.01};
    double[] t = {1, 1, 1, 0, 0, 0, 0};
    OverlapSummary s = OverlapSummary.of(e, t, new double[] {1, 1, 1, 1, 1, 1, 1});
    // Controls span [0.01, 0.6]: the treated row at 0.95 has no comparable control.
    assertThat(s.outsideSupportTreated()).isEqualTo(1);
    // Treated rows span [0.2, 0.95]: the controls at 0.1 and 0.01 are like no treated row.
    assertThat(s.outsideSupportControl()).isEqualTo(2);
    assertThat(s.warnings()).anyMatch(w -> w.startsWith("1 of 3 treated rows have a propensity outside"));
  }

  @Test
  void fullOverlapHasNoRowOutsideSupportAndNoWarningAboutIt() {
    double[] e = {0.2, 0.5, 0.8, 0.2, 0.6, 0.8};
    double[] t = {1, 1, 1, 0, 0, 0};
    OverlapSummary s = OverlapSummary.of(e, t, new double[] {1, 1, 1, 1, 1, 1});
    assertThat(s.outsideSupportTreated()).isZero();
    assertThat(s.outsideSupportControl()).isZero();
    assertThat(s.warnings()).noneMatch(w -> w.contains("outside the control rows' range"));
  }
}
