package io.tagcf.models.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyHasherTest {

  private static final byte[] PEPPER = "a pepper of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void hashesMatchTheirSecretOnlyAndDependOnThePepper() {
    KeyHasher hasher = new KeyHasher(PEPPER);
    String stored = hasher.hash("secret-one");

    assertThat(stored).matches("[0-9a-f]{64}").isEqualTo(hasher.hash("secret-one"));
    assertThat(hasher.matches("secret-one", stored)).isTrue();
    assertThat(hasher.matches("secret-two", stored)).isFalse();
    assertThat(hasher.matches("secret-one", stored.substring(0, 63))).isFalse();
    byte[] other = PEPPER.clone();
    other[0] ^= 1;
    assertThat(new KeyHasher(other).hash("secret-one")).as("a copy of the database alone verifies nothing")
        .isNotEqualTo(stored);
  }

  @Test
  void aShortPepperIsRefusedAndThePepperNeverPrinted() {
    assertThatThrownBy(() -> new KeyHasher(new byte[31])).hasMessageContaining("at least 32 bytes");
    assertThat(new KeyHasher(PEPPER).toString()).doesNotContain("pepper of");
  }
}
