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
}
