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

  @Test
  void latinEdgesOfChineseKeywordsMatchOnlyAtWordBoundaries() {
    KeywordMatcher ai =
        new KeywordMatcher(new VocabularyEntry("ai-early-adopters", TagKind.AUDIENCE, "tech", "AI early adopters", "AI尝鲜者",
            List.of("chatbot"), List.of("AI", "A股", "Steam")));
    assertThat(ai.hits("portion it into four containers, then steamed buns")).isZero();
    assertThat(ai.hits("bigdata股票")).isZero();
    assertThat(ai.hits("用AI做视频")).isEqualTo(1);
    assertThat(ai.hits("A股今天大涨")).isEqualTo(1);
    assertThat(ai.hits("new AI tools on Steam.")).isEqualTo(2);
    assertThat(ai.hits("AI")).isEqualTo(1);
  }
}
