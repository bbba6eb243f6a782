package io.tagcf.batch.tag;

import io.tagcf.batch.LocalModels;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.video.VideoSubmission;

/** The offline tagger over the seed vocabulary embedded in memory. */
public final class OfflineBatchTagger implements BatchTagger {

  private final OfflineTagger tagger;
  private final String model;

  public OfflineBatchTagger(OfflineTagger tagger, String model) {
    this.tagger = tagger;
    this.model = model;
  }

  /** The offline tagger over the seed vocabulary embedded with {@code model}, loaded once per process. */
  public static OfflineBatchTagger load(String model, OfflineTagger.Settings settings) {
    return new OfflineBatchTagger(LocalModels.offlineTagger(model, settings), model);
  }

  @Override
  public TagLine tag(VideoSubmission video) {
    return TagLine.of(video.videoId(), tagger.tag(video));
  }

  @Override
  public String description() {
    return "offline tagger (" + model + ", " + OfflineTagger.VERSION + ")";
  }
}
