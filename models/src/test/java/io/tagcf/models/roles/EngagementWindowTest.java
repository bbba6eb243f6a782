package io.tagcf.models.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EngagementWindowTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  @Test
  void lastDaysEndsNowWithTheHalfLifeInWholeSeconds() {
    EngagementWindow w = EngagementWindow.lastDays(NOW, 30, 7);
    assertThat(w.since()).isEqualTo(Instant.parse("2025-05-02T00:00:00Z"));
    assertThat(w.now()).isEqualTo(NOW);
    assertThat(w.halfLife()).isEqualTo(Duration.ofDays(7));
    assertThat(w.halfLifeSeconds()).isEqualTo(7 * 86_400.0);
    assertThat(EngagementWindow.lastDays(NOW, 1, 0.5).halfLife()).isEqualTo(Duration.ofHours(12));
    // A half-life under a second is a second: the decay never divides by zero.
    assertThat(EngagementWindow.lastDays(NOW, 1, 1e-9).halfLife()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsWindowsThatWeighNothing() {
    assertThatThrownBy(() -> EngagementWindow.lastDays(NOW, 0, 7)).hasMessageContaining("window");
    assertThatThrownBy(() -> EngagementWindow.lastDays(NOW, 30, 0)).hasMessageContaining("halfLifeDays");
    assertThatThrownBy(() -> EngagementWindow.lastDays(NOW, 30, Double.NaN)).hasMessageContaining("halfLifeDays");
    assertThatThrownBy(() -> new EngagementWindow(NOW.plusSeconds(1), NOW, Duration.ofDays(1)))
        .hasMessageContaining("after now");
    assertThatThrownBy(() -> new EngagementWindow(NOW, NOW, Duration.ZERO)).hasMessageContaining("halfLife");
    assertThatThrownBy(() -> new EngagementWindow(null, NOW, Duration.ofDays(1))).hasMessageContaining("since");
  }
}
