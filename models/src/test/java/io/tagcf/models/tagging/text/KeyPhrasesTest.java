package io.tagcf.models.tagging.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhrasesTest {

  @Test
  void topicalHashtagsComeFirstThenWordsHanlpSegments() {
    List<String> p = KeyPhrases.of("#感谢快手我要上热门 #五爱市场 76岁老汉吃白皮拉面", CaptionNoise.SEED_ONLY, 5);
    assertThat(p.get(0)).isEqualTo("五爱市场");
    assertThat(p).contains("拉面", "老汉").doesNotContain("感谢快手我要上热门");
    // segmented into words: no fragment that straddles two of them
    assertThat(p).doesNotContain("吃白", "汉吃");
  }

  @Test
  void englishWordsWithoutStopWords() {
    List<String> p = KeyPhrases.of("Everything I packed for 3 weeks in one carry-on backpack", CaptionNoise.SEED_ONLY, 5);
    assertThat(p).contains("backpack", "carry-on").doesNotContain("I", "for", "in", "Everything", "3");
  }

  @Test
  void nothingToSayGivesNothing() {
    assertThat(KeyPhrases.of("🐱🐱", CaptionNoise.SEED_ONLY, 3)).isEmpty();
    assertThat(KeyPhrases.of("#热门 #上热门", CaptionNoise.SEED_ONLY, 3)).isEmpty();
    assertThat(KeyPhrases.of("12345", CaptionNoise.SEED_ONLY, 3)).isEmpty();
  }

  @Test
  void limitAndLengthAreKept() {
    String longTag = "#" + "很".repeat(40) + "长的话题";
    List<String> p = KeyPhrases.of(longTag + " 红烧肉 糖醋排骨 清蒸鱼 宫保鸡丁 麻婆豆腐", CaptionNoise.SEED_ONLY, 3);
    assertThat(p).hasSize(3);
    assertThat(p).allMatch(s -> s.codePointCount(0, s.length()) <= KeyPhrases.MAX_CODE_POINTS);
  }
}
