package io.tagcf.activities.llm;

import io.tagcf.models.tags.RawTag;
import java.util.List;

/** One kind of tags from one LLM call, with the provenance stored beside each tag. */
public record LlmTags(List<RawTag> tags, String provider, String model, String promptVersion) {
  public LlmTags {
    tags = List.copyOf(tags);
  }
}
