package io.tagcf.models.tagging;

import io.tagcf.models.tagging.neighbours.LabelledNeighbours;
import io.tagcf.models.tagging.text.CaptionNoise;

/**
 * What the offline tagger knows beyond its vocabulary: labelled videos whose nearest neighbours
 * vote, and the caption marks that labelled videos show to be boilerplate.
 */
public record TaggingReference(LabelledNeighbours neighbours, CaptionNoise noise) {

  /** Nothing labelled yet: zero-shot scores and the seed boilerplate list only. */
  public static final TaggingReference NONE = new TaggingReference(LabelledNeighbours.NONE, CaptionNoise.SEED_ONLY);
}
