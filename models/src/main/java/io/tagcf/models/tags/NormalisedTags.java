package io.tagcf.models.tags;

import java.util.List;

/** All of a video's tags after normalisation, with the provenance of the extraction. */
public record NormalisedTags(
    List<NormalisedTag> tags,
    TaggerKind tagger,
    String provider,
    String model,
    String promptVersion,
    String fallbackReason) {
  public NormalisedTags {
    tags = List.copyOf(tags);
  }
}
