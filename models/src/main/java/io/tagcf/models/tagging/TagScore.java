package io.tagcf.models.tagging;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

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
  /** Share of a category's vote the next tag of the category gets, by the tags' own evidence. */
  static final double VOTE_DECAY = 0.5;
  static final int MAX_HITS = 2;
  static final double THRESHOLD = 3.0;
  static final double WIDTH = 0.75;

  private TagScore() {}

  /**
   * Scores per tag; the arrays are indexed alike. {@code affinity} (may be null) is extra
   * similarity evidence from related tags already assigned, standardised like the others.
   */
  static double[] scores(double[] docSim, double[] phraseSim, int[] keywordHits, double[] affinity) {
    return scores(docSim, phraseSim, keywordHits, affinity, (Votes) null);
  }

  /**
   * What labelled neighbours say about each tag (arrays indexed like the scores): the share of the
   * vote for the tag's category and for the tag itself, each in [0, 1], and the tag's category as
   * a group number.
   */
  record Votes(double[] category, double[] tag, int[] group) {}

  /**
   * As above, with the neighbours' {@code votes} (may be null) as evidence of their own. A
   * category's vote goes in full to its tag with the best evidence of its own, halving down the
   * rest of the category by that evidence: neighbours say what kind of video it is, the text says
   * which tags of that kind, and a unanimous food vote must not put every food tag on a noodle
   * video. A vote for the tag itself counts in full.
   */
  static double[] scores(double[] docSim, double[] phraseSim, int[] keywordHits, double[] affinity, Votes votes) {
    double[] zDoc = standardise(docSim);
    double[] zPhrase = standardise(phraseSim);
    double[] zAffinity = affinity == null ? new double[docSim.length] : standardise(affinity);
    double[] evidence = new double[docSim.length];
    for (int i = 0; i < evidence.length; i++) {
      evidence[i] =
          DOC_WEIGHT * zDoc[i] + PHRASE_WEIGHT * zPhrase[i] + PER_HIT * Math.min(keywordHits[i], MAX_HITS)
              + AFFINITY_WEIGHT * zAffinity[i];
    }
    double[] vote = votes == null ? null : voteEvidence(evidence, votes);
    double[] out = new double[docSim.length];
    for (int i = 0; i < out.length; i++) {
      double e = evidence[i] + (vote == null ? 0 : vote[i]);
      out[i] = 1.0 / (1.0 + Math.exp(-(e - THRESHOLD) / WIDTH));
    }
    return out;
  }

  private static double[] voteEvidence(double[] evidence, Votes votes) {
    int n = evidence.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(evidence[b], evidence[a]));
    Map<Integer, Integer> seen = new HashMap<>();
    double[] out = new double[n];
    for (int i : order) {
      int rank = seen.merge(votes.group()[i], 1, Integer::sum) - 1;
      double share = votes.category()[i] * Math.pow(VOTE_DECAY, rank) + votes.tag()[i];
      out[i] = VOTE_WEIGHT * Math.min(1, share);
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
