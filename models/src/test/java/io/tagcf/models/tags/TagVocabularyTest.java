package io.tagcf.models.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TagVocabularyTest {

  @Test
  void seedVocabularyIsLargeBilingualAndUnique() {
    TagVocabulary v = TagVocabulary.seed();
    assertThat(v.version()).isEqualTo("seed-v1");
    List<VocabularyEntry> items = v.ofKind(TagKind.ITEM);
    List<VocabularyEntry> audiences = v.ofKind(TagKind.AUDIENCE);
    assertThat(items).hasSizeGreaterThanOrEqualTo(300);
    assertThat(audiences).hasSizeGreaterThanOrEqualTo(60);
    for (List<VocabularyEntry> kind : List.of(items, audiences)) {
      Set<String> en = new HashSet<>();
      Set<String> zh = new HashSet<>();
      for (VocabularyEntry e : kind) {
        assertThat(en.add(e.en().toLowerCase())).as("duplicate en label %s", e.en()).isTrue();
        assertThat(zh.add(e.zh())).as("duplicate zh label %s", e.zh()).isTrue();
        assertThat(e.zh()).as(e.id()).matches(".*\\p{IsHan}.*");
        assertThat(e.keywordsEn()).as(e.id()).isNotEmpty();
        assertThat(e.keywordsZh()).as(e.id()).isNotEmpty();
      }
    }
    Set<String> categories = new HashSet<>();
    items.forEach(e -> categories.add(e.category()));
    assertThat(categories).contains("food", "pets", "travel", "family", "music", "sports", "games",
        "beauty", "education", "tech", "rural-life", "humour", "mood-pacing");
    assertThat(items).extracting(VocabularyEntry::id).contains("slow-paced", "healing", "nostalgic");
    assertThat(audiences).extracting(VocabularyEntry::en)
        .contains("new parents", "students", "urban young professionals", "retirees");
  }

  @Test
  void malformedVocabulariesAreRejected() {
    assertThatThrownBy(() -> parse("{\"version\":\"x\",\"tags\":[]}")).hasMessageContaining("no tags");
    assertThatThrownBy(() -> parse("{\"version\":\"x\",\"tags\":[{\"id\":\"Bad Id\",\"kind\":\"item\",\"category\":\"c\",\"en\":\"a\",\"zh\":\"甲\"}]}"))
        .hasMessageContaining("slug");
    String one = "{\"id\":\"a\",\"kind\":\"item\",\"category\":\"c\",\"en\":\"a\",\"zh\":\"甲\"}";
    assertThatThrownBy(() -> parse("{\"version\":\"x\",\"tags\":[" + one + "," + one + "]}")).hasMessageContaining("duplicate");
  }

  private static TagVocabulary parse(String json) throws Exception {
    return TagVocabulary.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
