package io.tagcf.models.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

  @Test
  void aGeneratedKeyParsesBackToItsIdAndSecret() {
    SecureRandom random = new SecureRandom();
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ApiKeyFormat.Issued issued = ApiKeyFormat.generate(random);
      ApiKeyFormat.Presented presented = ApiKeyFormat.parse(issued.key()).orElseThrow();
      assertThat(presented.keyId()).isEqualTo(issued.keyId()).matches("[0-9a-f]{12}");
      assertThat(presented.secret()).isEqualTo(issued.secret()).hasSize(43);
      secrets.add(issued.secret());
    }
    assertThat(secrets).as("256 random bits each").hasSize(200);
  }

  @Test
  void anythingNotOfTheKeysFormIsNoKey() {
    String secret = "A".repeat(43);
    assertThat(ApiKeyFormat.parse("tcf_00000000000a_" + secret)).isPresent();
    for (String bad : new String[] {null, "", "tcf_00000000000a_" + "A".repeat(42), "tcf_00000000000A_" + secret,
        "tcf_0000000000a_" + secret, "tcx_00000000000a_" + secret, "tcf_00000000000a_" + "A".repeat(42) + "=",
        " tcf_00000000000a_" + secret}) {
      assertThat(ApiKeyFormat.parse(bad)).as(String.valueOf(bad)).isEmpty();
    }
  }

  @Test
  void theSecretNeverAppearsInToString() {
    ApiKeyFormat.Issued issued = ApiKeyFormat.generate(new SecureRandom());
    assertThat(issued.toString()).contains(issued.keyId()).doesNotContain(issued.secret());
    assertThat(ApiKeyFormat.parse(issued.key()).orElseThrow().toString()).doesNotContain(issued.secret());
  }
}
