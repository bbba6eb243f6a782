package io.tagcf.models.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.VocabularyEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

  private final KeywordMatcher cats =
      new KeywordMatcher(new VocabularyEntry("cats", TagKind.ITEM, "pets", "cat", "猫咪", List.of("kitten"), List.of("喵星人", "猫")));

  @Test
  void englishMatchesWholeWordsAndPlurals() {
    assertThat(cats.hits("my cat and two kittens")).isEqualTo(2);
    assertThat(cats.hits("a concatenation of scattered things")).isZero();
  }

  @Test
  void chineseMatchesSubstringsOfTwoOrMoreCharacters() {
    assertThat(cats.hits("家里的喵星人又拆家了")).isEqualTo(1);
    assertThat(cats.hits("猫")).isZero();
  }
}
