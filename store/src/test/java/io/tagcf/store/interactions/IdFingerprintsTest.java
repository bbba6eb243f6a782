package io.tagcf.store.interactions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdFingerprintsTest {

  @Test
  void aMillionDistinctIdsAreNotSuspectedAndOneRepeatIs() {
    IdFingerprints fingerprints = new IdFingerprints();
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(fingerprints.add(String.format("e%07d", i))).isTrue();
    }
    assertThat(fingerprints.maybeRepeated()).isFalse();
    assertThat(fingerprints.add("e0123456")).isFalse();
    assertThat(fingerprints.maybeRepeated()).isTrue();
  }

  @Test
  void idsThatShareAFingerprintAreSuspected() {
    IdFingerprints fingerprints = new IdFingerprints(id -> id.length());
    assertThat(fingerprints.add("e1")).isTrue();
    assertThat(fingerprints.add("e2")).isFalse();
    assertThat(fingerprints.maybeRepeated()).isTrue();
  }
}
