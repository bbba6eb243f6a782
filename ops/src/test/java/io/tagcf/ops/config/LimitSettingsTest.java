package io.tagcf.ops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitSettingsTest {

  @Test
  void defaultsGiveTheGatewayItsOwnShortPoolAndTheWorkersTheirs() {
    LimitSettings limits = TagcfConfig.from(Map.of()).limits();

    assertThat(limits.gatewayPool().name()).isEqualTo("gateway");
    assertThat(limits.gatewayPool().size()).isEqualTo(8);
    assertThat(limits.gatewayPool().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(limits.gatewayPool().statementTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(limits.workerPool().name()).isEqualTo("worker");
    assertThat(limits.workerPool().size()).isEqualTo(16);
    assertThat(limits.workerPool().statementTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(limits.gateway().databaseThreads()).as("no more threads than connections").isEqualTo(8);
    assertThat(limits.gateway().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.temporalRpcTimeout()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void everyLimitIsSetFromTheEnvironment() {
    LimitSettings limits = TagcfConfig.from(Map.ofEntries(
        Map.entry("TAGCF_DB_POOL_SIZE", "30"),
        Map.entry("TAGCF_GATEWAY_DB_POOL_SIZE", "4"),
        Map.entry("TAGCF_GATEWAY_DB_WAIT_MS", "500"),
        Map.entry("TAGCF_GATEWAY_STATEMENT_TIMEOUT_MS", "1500"),
        Map.entry("TAGCF_GATEWAY_DB_SOCKET_TIMEOUT_SECONDS", "9"),
        Map.entry("TAGCF_WORKER_STATEMENT_TIMEOUT_SECONDS", "60"),
        Map.entry("TAGCF_GATEWAY_DB_QUEUE", "7"),
        Map.entry("TAGCF_GATEWAY_TEMPORAL_THREADS", "3"),
        Map.entry("TAGCF_GATEWAY_TEMPORAL_QUEUE", "5"),
        Map.entry("TAGCF_HTTP_REQUEST_TIMEOUT_MS", "2500"),
        Map.entry("TAGCF_HTTP_IDLE_TIMEOUT_SECONDS", "20"),
        Map.entry("TAGCF_TEMPORAL_RPC_TIMEOUT_MS", "700"))).limits();

    assertThat(limits.gatewayPool().size()).isEqualTo(4);
    assertThat(limits.gatewayPool().connectionTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(limits.gatewayPool().statementTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(limits.gatewayPool().socketTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(limits.workerPool().size()).isEqualTo(30);
    assertThat(limits.workerPool().statementTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(limits.gateway().databaseThreads()).isEqualTo(4);
    assertThat(limits.gateway().databaseWaiting()).isEqualTo(7);
    assertThat(limits.gateway().temporalThreads()).isEqualTo(3);
    assertThat(limits.gateway().temporalWaiting()).isEqualTo(5);
    assertThat(limits.gateway().requestTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(limits.gateway().idleTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(limits.temporalRpcTimeout()).isEqualTo(Duration.ofMillis(700));
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_GATEWAY_DB_POOL_SIZE", "0")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TAGCF_GATEWAY_DB_POOL_SIZE");
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_HTTP_REQUEST_TIMEOUT_MS", "soon")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TAGCF_HTTP_REQUEST_TIMEOUT_MS");
    assertThatThrownBy(() -> TagcfConfig.from(Map.of("TAGCF_GATEWAY_DB_WAIT_MS", "100")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("TAGCF_GATEWAY_DB_WAIT_MS must be at least 250");
  }
}
