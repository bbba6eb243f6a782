package io.tagcf.models.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.video.VideoSubmission;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatePhrasesTest {

  @Test
  void titleCoverHashtagsAndClausesInThatOrder() {
    VideoSubmission v = new VideoSubmission("v", "c", "家常红烧肉的做法 #美食", "肥而不腻，入口即化。#家常菜",
        "先焯水，再炒糖色！", "下饭神器", 60.0, "zh", null);
    List<String> p = CandidatePhrases.of(v, 20);
    assertThat(p).startsWith("家常红烧肉的做法", "下饭神器", "美食", "家常菜");
    assertThat(p).contains("肥而不腻", "入口即化", "先焯水", "再炒糖色");
    assertThat(p).doesNotHaveDuplicates();
  }

  @Test
  void limitAndLengthsAreRespected() {
    VideoSubmission v = new VideoSubmission("v", "c", "A. B. " + "word ".repeat(40), null,
        "one, two, three, four, five, six, seven, eight", null, null, "en", null);
    List<String> p = CandidatePhrases.of(v, 5);
    assertThat(p).hasSize(5);
    assertThat(p).allSatisfy(s -> assertThat(s.codePointCount(0, s.length())).isBetween(2, 32));
  }
}
