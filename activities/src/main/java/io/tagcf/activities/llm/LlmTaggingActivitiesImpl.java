package io.tagcf.activities.llm;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.temporal.failure.ApplicationFailure;

/**
 * Calls the {@link LlmVideoTagger}; a failure is classified ({@link LlmFailureClassifier}) and
 * leaves as a Temporal failure of its kind ({@link TemporalLlmFailures}).
 */
public final class LlmTaggingActivitiesImpl implements LlmTaggingActivities {

  private final CurrentVideo current;
  private final LlmVideoTagger tagger;

  public LlmTaggingActivitiesImpl(CurrentVideo current, LlmVideoTagger tagger) {
    this.current = current;
    this.tagger = tagger;
  }

  @Override
  public LlmTags llmItemTags(VideoRef ref) {
    return call(ref, TagKind.ITEM);
  }

  @Override
  public LlmTags llmAudienceTags(VideoRef ref) {
    return call(ref, TagKind.AUDIENCE);
  }

  private LlmTags call(VideoRef ref, TagKind kind) {
    var video = current.enter(ref, IngestStage.TAGGING);
    try {
      return tagger.tag(video, kind);
    } catch (ApplicationFailure f) {
      throw f;
    } catch (RuntimeException e) {
      throw TemporalLlmFailures.toApplicationFailure(LlmFailureClassifier.classify(e));
    }
  }
}
