package io.tagcf.models.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ContentFingerprintTest {

  private static VideoSubmission v(String title, String description) {
    return new VideoSubmission("v", "c", title, description, null, null, 10.0, "en", Instant.EPOCH);
  }

  @Test
  void sameContentSameFingerprint() {
    assertThat(ContentFingerprint.of(v("a", "b"))).isEqualTo(ContentFingerprint.of(v("a", "b")));
  }

  @Test
  void anyChangedFieldChangesIt() {
    String base = ContentFingerprint.of(v("a", "b"));
    assertThat(ContentFingerprint.of(v("a", "c"))).isNotEqualTo(base);
    assertThat(ContentFingerprint.of(v("ab", null))).isNotEqualTo(ContentFingerprint.of(v("a", "b")));
    assertThat(ContentFingerprint.of(v("a", ""))).isEqualTo(ContentFingerprint.of(v("a", null)));
  }
}
