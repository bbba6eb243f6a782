package io.tagcf.models.tagging;

/**
 * Turns the evidence for one tag into a score in [0, 1]: cosine similarity of the whole text to
 * the tag's profile, the best cosine of a candidate phrase to one of its labels, and literal
 * keyword hits. The constants are calibrated on the bundled corpus for the default model (see
 * the offline-tagger section of the README); a logistic squashes the combined evidence.
 */
final class TagScore {

  static final double DOC_WEIGHT = 0.6;
  static final double PHRASE_WEIGHT = 0.4;
  static final double PER_HIT = 0.05;
  static final int MAX_HITS = 3;
  static final double CENTER = 0.55;
  static final double WIDTH = 0.04;

  private TagScore() {}

  static double combine(double docSim, double phraseSim, int keywordHits) {
    double evidence =
        DOC_WEIGHT * docSim + PHRASE_WEIGHT * phraseSim + PER_HIT * Math.min(keywordHits, MAX_HITS);
    return 1.0 / (1.0 + Math.exp(-(evidence - CENTER) / WIDTH));
  }
}
