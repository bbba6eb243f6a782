package io.tagcf.models.tagging;

/**
 * Turns the evidence for the tags of one kind into scores in [0, 1]. Raw cosine similarities of
 * a small embedding model drift with language and text length (English text against the Chinese
 * model sits about 0.15 higher across the board), so each similarity is taken relative to the
 * same video's similarities to every other tag (a z-score): a tag counts when it stands out for
 * this video. Literal keyword hits add fixed evidence. The constants are calibrated on the
 * bundled corpus for the default model; a logistic maps evidence to a score, 0.5 at
 * {@link #THRESHOLD}.
 */
final class TagScore {

  static final double DOC_WEIGHT = 0.5;
  static final double PHRASE_WEIGHT = 0.5;
  static final double PER_HIT = 1.5;
  static final double AFFINITY_WEIGHT = 0.5;
  /**
   * Evidence of a unanimous vote of labelled neighbours: large enough that the neighbours decide
   * the category and the zero-shot evidence the tag within it (tuned on the shared KuaiRec half,
   * leave-one-out: 4 gave top-1 agreement 0.52, 6 gave 0.58, 8 gave 0.60).
   */
  static final double VOTE_WEIGHT = 8.0;
  static final int MAX_HITS = 2;
  static final double THRESHOLD = 3.0;
  static final double WIDTH = 0.75;

  private TagScore() {}

  /**
   * Scores per tag; the arrays are indexed alike. {@code affinity} (may be null) is extra
   * similarity evidence from related tags already assigned, standardised like the others.
   */
  static double[] scores(double[] docSim, double[] phraseSim, int[] keywordHits, double[] affinity) {
    return scores(docSim, phraseSim, keywordHits, affinity, null);
  }

  /**
   * As above, with {@code votes} (may be null): each tag's share of its labelled neighbours' votes,
   * in [0, 1], added as evidence of its own (a unanimous vote is worth {@link #VOTE_WEIGHT}).
   */
  static double[] scores(double[] docSim, double[] phraseSim, int[] keywordHits, double[] affinity, double[] votes) {
    double[] zDoc = standardise(docSim);
    double[] zPhrase = standardise(phraseSim);
    double[] zAffinity = affinity == null ? new double[docSim.length] : standardise(affinity);
    double[] out = new double[docSim.length];
    for (int i = 0; i < out.length; i++) {
      double evidence =
          DOC_WEIGHT * zDoc[i] + PHRASE_WEIGHT * zPhrase[i] + PER_HIT * Math.min(keywordHits[i], MAX_HITS)
              + AFFINITY_WEIGHT * zAffinity[i] + (votes == null ? 0 : VOTE_WEIGHT * votes[i]);
      out[i] = 1.0 / (1.0 + Math.exp(-(evidence - THRESHOLD) / WIDTH));
    }
    return out;
  }

  /** (x - mean) / sd; all zeros when the values do not vary (e.g. no phrases). */
  static double[] standardise(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= Math.max(1, x.length);
    double ss = 0;
    for (double v : x) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / Math.max(1, x.length));
    double[] z = new double[x.length];
    if (sd < 1e-9) {
      return z;
    }
    for (int i = 0; i < x.length; i++) {
      z[i] = (x[i] - mean) / sd;
    }
    return z;
  }
}
