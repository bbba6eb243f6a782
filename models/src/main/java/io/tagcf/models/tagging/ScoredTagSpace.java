package io.tagcf.models.tagging;

import io.tagcf.models.tags.EmbeddedTag;
import io.tagcf.models.tags.TagKind;
import java.util.List;

/** The vocabulary tags of one kind, each with its keyword matcher built once. */
final class ScoredTagSpace {

  record Tag(EmbeddedTag vectors, KeywordMatcher matcher) {}

  private ScoredTagSpace() {}

  static List<Tag> of(List<EmbeddedTag> vocabulary, TagKind kind) {
    return vocabulary.stream()
        .filter(t -> t.entry().kind() == kind)
        .filter(t -> t.profile() != null && t.labelEn() != null && t.labelZh() != null)
        .map(t -> new Tag(t, new KeywordMatcher(t.entry())))
        .toList();
  }
}
