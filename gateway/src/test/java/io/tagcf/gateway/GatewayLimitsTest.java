package io.tagcf.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GatewayLimitsTest {

  @Test
  void defaultsFitTheDefaultGatewayPool() {
    GatewayLimits d = GatewayLimits.defaults();

    assertThat(d.databaseThreads()).isEqualTo(8);
    assertThat(d.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.temporalThreads() + d.temporalWaiting()).isPositive();
  }

  @Test
  void boundsAreChecked() {
    Duration s = Duration.ofSeconds(1);
    assertThatThrownBy(() -> new GatewayLimits(0, 1, 1, 1, s, s)).hasMessageContaining("threads");
    assertThatThrownBy(() -> new GatewayLimits(1, -1, 1, 1, s, s)).hasMessageContaining("waiting");
    assertThatThrownBy(() -> new GatewayLimits(1, 1, 1, 1, Duration.ZERO, s)).hasMessageContaining("request timeout");
    assertThatThrownBy(() -> new GatewayLimits(1, 1, 1, 1, s, Duration.ZERO)).hasMessageContaining("idle timeout");
  }
}
