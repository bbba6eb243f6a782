package io.tagcf.models.tagging;

import io.tagcf.models.tagging.calibration.ScoreCalibration;
import io.tagcf.models.tagging.neighbours.LabelledNeighbours;
import io.tagcf.models.tagging.text.CaptionNoise;

/**
 * What the offline tagger knows beyond its vocabulary: labelled videos whose nearest neighbours
 * vote, the caption marks that labelled videos show to be boilerplate, and how its scores map
 * onto the share of tags that turn out right.
 */
public record TaggingReference(LabelledNeighbours neighbours, CaptionNoise noise, ScoreCalibration calibration) {

  /** Nothing labelled yet: zero-shot scores, uncalibrated, and the seed boilerplate list only. */
  public static final TaggingReference NONE =
      new TaggingReference(LabelledNeighbours.NONE, CaptionNoise.SEED_ONLY, ScoreCalibration.IDENTITY);

  /** With neighbours and boilerplate learned from the bundled captions, and the bundled calibration. */
  public static TaggingReference calibrated(LabelledNeighbours neighbours, CaptionNoise noise) {
    return new TaggingReference(neighbours, noise, ScoreCalibration.bundled());
  }

  /** The same reference with raw scores: what a calibration is fitted to. */
  public TaggingReference uncalibrated() {
    return new TaggingReference(neighbours, noise, ScoreCalibration.IDENTITY);
  }
}
