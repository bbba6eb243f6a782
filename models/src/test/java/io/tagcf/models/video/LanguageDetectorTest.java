package io.tagcf.models.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

  @Test
  void chineseAndEnglishAreTold() {
    assertThat(LanguageDetector.detect("家常红烧肉的做法")).isEqualTo("zh");
    assertThat(LanguageDetector.detect("How to braise pork belly at home")).isEqualTo("en");
    assertThat(LanguageDetector.detect("iPhone 17 开箱测评，续航到底怎么样")).isEqualTo("zh");
    assertThat(LanguageDetector.detect("My trip to 成都")).isEqualTo("en");
    assertThat(LanguageDetector.detect(null)).isEqualTo("en");
  }
}
