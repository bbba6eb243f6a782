package io.tagcf.models.tags;

import java.util.List;

/**
 * What a tagger returned for one video, with the provenance that is stored beside every tag:
 * which tagger, which provider and model (the embedding model for the offline tagger), which
 * prompt version, and why the fallback was taken if it was.
 */
public record TagExtraction(
    List<RawTag> itemTags,
    List<RawTag> audienceTags,
    TaggerKind tagger,
    String provider,
    String model,
    String promptVersion,
    String fallbackReason) {

  public TagExtraction {
    itemTags = List.copyOf(itemTags);
    audienceTags = List.copyOf(audienceTags);
  }
}
