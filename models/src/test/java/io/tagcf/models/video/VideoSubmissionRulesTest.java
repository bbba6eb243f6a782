package io.tagcf.models.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoSubmissionRulesTest {

  private static VideoSubmission valid() {
    return new VideoSubmission("v-1.a_b", "c1", "title", null, null, null, 12.5, "zh-CN", null);
  }

  private static List<String> fields(VideoSubmission v) {
    return VideoSubmissionRules.violations(v).stream().map(FieldViolation::field).toList();
  }

  @Test
  void aValidSubmissionHasNoViolations() {
    assertThat(VideoSubmissionRules.violations(valid())).isEmpty();
  }

  @Test
  void eachBrokenFieldIsNamed() {
    assertThat(fields(new VideoSubmission("bad id", "c1", "t", null, null, null, null, null, null))).containsExactly("videoId");
    assertThat(fields(new VideoSubmission("v", "", "t", null, null, null, null, null, null))).containsExactly("creatorId");
    assertThat(fields(new VideoSubmission("v", "c", "   ", null, null, null, null, null, null))).containsExactly("title");
    assertThat(fields(new VideoSubmission("v", "c", "t", null, null, null, 0.0, null, null))).containsExactly("durationSec");
    assertThat(fields(new VideoSubmission("v", "c", "t", null, null, null, 36_000.5, null, null))).containsExactly("durationSec");
    assertThat(fields(new VideoSubmission("v", "c", "t", null, null, null, null, "chinese!", null))).containsExactly("language");
    assertThat(fields(new VideoSubmission("v", "c", "t", "x".repeat(5_001), null, null, null, null, null))).containsExactly("description");
    assertThat(fields(new VideoSubmission("v", "c", "t", null, "x".repeat(50_001), null, null, null, null))).containsExactly("transcript");
    assertThat(fields(new VideoSubmission("v", "c", "t", null, null, "x".repeat(1_001), null, null, null))).containsExactly("coverText");
    assertThat(fields(new VideoSubmission("v".repeat(129), "c", "t".repeat(201), null, null, null, null, null, null)))
        .containsExactly("videoId", "title");
  }

  @Test
  void lengthsCountCharactersNotBytes() {
    assertThat(fields(new VideoSubmission("v", "c", "猫".repeat(200), null, null, null, null, null, null))).isEmpty();
    assertThat(fields(new VideoSubmission("v", "c", "😺".repeat(200), null, null, null, null, null, null))).isEmpty();
  }
}
