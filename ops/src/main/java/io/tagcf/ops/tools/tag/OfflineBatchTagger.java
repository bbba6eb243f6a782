package io.tagcf.ops.tools.tag;

import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.video.VideoSubmission;

/** The offline tagger over the seed vocabulary embedded in memory. */
final class OfflineBatchTagger implements BatchTagger {

  private final OfflineTagger tagger;
  private final String model;

  OfflineBatchTagger(OfflineTagger tagger, String model) {
    this.tagger = tagger;
    this.model = model;
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
