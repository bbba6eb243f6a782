package io.tagcf.batch.tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import java.util.List;

/**
 * One output line of {@code tagcf tag}, in the exact format other tools read:
 * {@code {"videoId","itemTags":[{"label","score"}],"audienceTags":[…],"tagger","fallbackReason"}}.
 * Labels are the tagger's own (the offline tagger's vocabulary labels in the video's language, or
 * the LLM's words), best first; mapping them onto the vocabulary is the ingest pipeline's job.
 */
@JsonPropertyOrder({"videoId", "itemTags", "audienceTags", "tagger", "fallbackReason"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TagLine(
    String videoId, List<ScoredLabel> itemTags, List<ScoredLabel> audienceTags, String tagger,
    String fallbackReason) {

  public TagLine {
    itemTags = List.copyOf(itemTags);
    audienceTags = List.copyOf(audienceTags);
  }

  /** A tag and its score in [0, 1], rounded to 4 decimals: more digits would be noise. */
  @JsonPropertyOrder({"label", "score"})
  public record ScoredLabel(String label, double score) {
    static ScoredLabel of(RawTag t) {
      return new ScoredLabel(t.label(), Math.round(t.score() * 10_000) / 10_000.0);
    }
  }

  static TagLine of(String videoId, TagExtraction e) {
    return new TagLine(videoId, e.itemTags().stream().map(ScoredLabel::of).toList(),
        e.audienceTags().stream().map(ScoredLabel::of).toList(), e.tagger().wireName(), e.fallbackReason());
  }
}
