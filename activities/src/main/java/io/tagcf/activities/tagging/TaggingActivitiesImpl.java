package io.tagcf.activities.tagging;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.activities.vocabulary.VocabularyCache;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.models.video.VideoSubmission;

/** Tags with the offline tagger, as the configured tagger or as the LLM's fallback. */
public final class TaggingActivitiesImpl implements TaggingActivities {

  private final CurrentVideo current;
  private final VocabularyCache vocabulary;

  public TaggingActivitiesImpl(CurrentVideo current, VocabularyCache vocabulary) {
    this.current = current;
    this.vocabulary = vocabulary;
  }

  @Override
  public TagExtraction extractTags(VideoRef ref) {
    VideoSubmission video = current.enter(ref, IngestStage.TAGGING);
    OfflineTagger tagger = vocabulary.offlineTagger();
    return tagger.tag(video);
  }

  @Override
  public TagExtraction fallbackTags(VideoRef ref, String reason) {
    TagExtraction offline = extractTags(ref);
    return new TagExtraction(
        offline.itemTags(), offline.audienceTags(), TaggerKind.FALLBACK, offline.provider(),
        offline.model(), offline.promptVersion(), reason == null ? "unknown" : reason);
  }
}
