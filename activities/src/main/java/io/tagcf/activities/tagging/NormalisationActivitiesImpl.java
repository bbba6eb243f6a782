package io.tagcf.activities.tagging;

import io.tagcf.activities.ingest.CurrentVideo;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;

/** Normalises through {@link TagNormaliser}, after the entry check. */
public final class NormalisationActivitiesImpl implements NormalisationActivities {

  private final CurrentVideo current;
  private final TagNormaliser normaliser;

  public NormalisationActivitiesImpl(CurrentVideo current, TagNormaliser normaliser) {
    this.current = current;
    this.normaliser = normaliser;
  }

  @Override
  public NormalisedTags normaliseTags(VideoRef ref, TagExtraction extraction) {
    current.enter(ref, IngestStage.NORMALISING);
    return normaliser.normalise(extraction);
  }
}
