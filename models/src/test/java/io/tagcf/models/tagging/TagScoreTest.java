package io.tagcf.models.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TagScoreTest {

  @Test
  void aTagThatStandsOutScoresHighAndTheRestLow() {
    double[] doc = new double[50];
    double[] phrase = new double[50];
    java.util.Arrays.fill(doc, 0.4);
    java.util.Arrays.fill(phrase, 0.5);
    for (int i = 0; i < 50; i++) {
      doc[i] += 0.01 * (i % 5);
      phrase[i] += 0.01 * (i % 7);
    }
    doc[7] = 0.7;
    phrase[7] = 0.9;
    double[] s = TagScore.scores(doc, phrase, new int[50], null);
    assertThat(s[7]).isGreaterThan(0.99);
    for (int i = 0; i < 50; i++) {
      if (i != 7) {
        assertThat(s[i]).isLessThan(0.5);
      }
    }
  }

  @Test
  void keywordHitsAddEvidenceUpToACap() {
    double[] flat = new double[10];
    double[] s0 = TagScore.scores(flat, flat, new int[] {0, 1, 2, 5, 0, 0, 0, 0, 0, 0}, null);
    assertThat(s0[1]).isGreaterThan(s0[0]);
    assertThat(s0[2]).isGreaterThan(s0[1]);
    assertThat(s0[3]).isCloseTo(s0[2], within(1e-12));
  }

  @Test
  void constantInputsStandardiseToZero() {
    assertThat(TagScore.standardise(new double[] {0.3, 0.3, 0.3})).containsExactly(0, 0, 0);
    assertThat(TagScore.standardise(new double[0])).isEmpty();
  }

  /** Evidence the logistic turned into {@code score}: the inverse of TagScore's map. */
  private static double evidence(double score) {
    return TagScore.THRESHOLD + TagScore.WIDTH * Math.log(score / (1 - score));
  }

  /**
   * Four tags with flat zero-shot evidence but keyword hits 2, 1, 0, 0; tags 0-2 in category 0,
   * tag 3 in category 1. A unanimous vote for category 0 goes in full to its best tag, half to the
   * next, a quarter to the third; a vote for tag 3 itself counts in full.
   */
  @Test
  void aCategoryVoteHalvesDownItsTagsByTheirOwnEvidenceAndATagVoteCountsInFull() {
    double[] flat = new double[4];
    int[] hits = {2, 1, 0, 0};
    double[] without = TagScore.scores(flat, flat, hits, null);
    TagScore.Votes votes = new TagScore.Votes(new double[] {1, 1, 1, 0}, new double[] {0, 0, 0, 0.5}, new int[] {0, 0, 0, 1});
    double[] with = TagScore.scores(flat, flat, hits, null, votes);
    double w = TagScore.VOTE_WEIGHT;
    // compared on the logit: scores saturate near 1 and would hide the differences
    assertThat(evidence(with[0]) - evidence(without[0])).isCloseTo(w, within(1e-4));
    assertThat(evidence(with[1]) - evidence(without[1])).isCloseTo(0.5 * w, within(1e-4));
    assertThat(evidence(with[2]) - evidence(without[2])).isCloseTo(0.25 * w, within(1e-4));
    assertThat(evidence(with[3]) - evidence(without[3])).isCloseTo(0.5 * w, within(1e-4));
  }
}
