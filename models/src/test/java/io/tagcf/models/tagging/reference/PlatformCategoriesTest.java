package io.tagcf.models.tagging.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.VocabularyEntry;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlatformCategoriesTest {

  @Test
  void theKuaishouMapIsTheMeasuresMap() {
    PlatformCategories k = PlatformCategories.kuaishou();
    assertThat(k.platformCategories()).hasSize(27);
    assertThat(k.vocabularyCategories("美食")).containsExactly("food");
    assertThat(k.vocabularyCategories("亲子")).containsExactlyInAnyOrder("parenting", "family");
    assertThat(k.vocabularyCategories("科学与法律")).containsExactlyInAnyOrder("science", "news");
    assertThat(k.maps("颜值")).isFalse();
    assertThat(k.vocabularyCategories(null)).isEmpty();
  }

  @Test
  void everyMappedCategoryExistsInTheVocabulary() {
    Set<String> vocabulary = TagVocabulary.seed().entries().stream().map(VocabularyEntry::category).collect(Collectors.toSet());
    PlatformCategories k = PlatformCategories.kuaishou();
    for (String platform : k.platformCategories()) {
      assertThat(vocabulary).containsAll(k.vocabularyCategories(platform));
    }
  }
}
