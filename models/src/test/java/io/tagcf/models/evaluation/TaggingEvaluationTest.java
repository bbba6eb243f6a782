package io.tagcf.models.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaggingEvaluationTest {

  private static final Map<String, List<String>> GOLD =
      Map.of("v1", List.of("a", "b", "c"), "v2", List.of("x"), "v3", List.of("p", "q"));

  @Test
  void handComputedScoresAtTwo() {
    // v1: top-2 [a, z] → 1 hit, P 1/2, R 1/3. v2: [x] → P 1/min(2,1) = 1, R 1. v3: no prediction → 0, 0.
    // P = 1.5/3 = 1/2, R = (4/3)/3 = 4/9, F1 = 2·(1/2)·(4/9) / (1/2 + 4/9) = 8/17.
    Map<String, List<String>> pred =
        Map.of("v1", List.of("A", "z", "b", "c"), "v2", List.of("x"), "v9", List.of("a"));
    KindScores s = TaggingEvaluation.atK(GOLD, pred, 2);
    assertThat(s.k()).isEqualTo(2);
    assertThat(s.videos()).isEqualTo(3);
    assertThat(s.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(s.recall()).isCloseTo(4.0 / 9, within(1e-12));
    assertThat(s.f1()).isCloseTo(8.0 / 17, within(1e-12));
  }

  @Test
  void largerKTradesPrecisionForRecall() {
    // k = 4: v1 [a, z, b, c] → 3 hits, P 3/4, R 1; v2 P 1, R 1; v3 0. P = 7/12, R = 2/3.
    Map<String, List<String>> pred = Map.of("v1", List.of("a", "z", "b", "c"), "v2", List.of("x"));
    KindScores s = TaggingEvaluation.atK(GOLD, pred, 4);
    assertThat(s.precision()).isCloseTo(7.0 / 12, within(1e-12));
    assertThat(s.recall()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(s.f1()).isCloseTo(2 * (7.0 / 12) * (2.0 / 3) / (7.0 / 12 + 2.0 / 3), within(1e-12));
  }

  @Test
  void perfectAndEmptyPredictions() {
    KindScores perfect = TaggingEvaluation.atK(GOLD, GOLD, 3);
    assertThat(perfect.precision()).isEqualTo(1.0);
    assertThat(perfect.recall()).isEqualTo(1.0);
    assertThat(perfect.f1()).isEqualTo(1.0);
    KindScores none = TaggingEvaluation.atK(GOLD, Map.of(), 3);
    assertThat(none).isEqualTo(new KindScores(3, 0, 0, 0, 3));
    assertThat(TaggingEvaluation.atK(Map.of(), GOLD, 3)).isEqualTo(new KindScores(3, 0, 0, 0, 0));
  }

  @Test
  void labelsMatchAfterNormalisation() {
    Map<String, List<String>> gold = Map.of("v", List.of("cat videos", "straße food", "北京 美食"));
    Map<String, List<String>> pred =
        Map.of("v", List.of("  Ｃａｔ\tVIDEOS ", "STRASSE  Food", "北京\u3000美食"));
    KindScores s = TaggingEvaluation.atK(gold, pred, 3);
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isEqualTo(1.0);
    assertThat(LabelNormaliser.normalise(" Ｃａｔ\u00a0\u00a0Videos\n")).isEqualTo("cat videos");
  }

  @Test
  void duplicatesAfterNormalisationCountOnce() {
    // Pred dedups to [cat, dog]: top-2 has 1 hit. Gold dedups to [cat]: R = 1.
    KindScores s =
        TaggingEvaluation.atK(Map.of("v", List.of("cat", "Cat")), Map.of("v", List.of("Cat", "cat ", "dog")), 2);
    assertThat(s.precision()).isCloseTo(0.5, within(1e-12));
    assertThat(s.recall()).isEqualTo(1.0);
  }

  @Test
  void goldVideosWithoutLabelsAreNotScored() {
    Map<String, List<String>> gold = new HashMap<>(GOLD);
    gold.put("v4", List.of());
    gold.put("v5", List.of("  "));
    KindScores s = TaggingEvaluation.atK(gold, Map.of("v2", List.of("x")), 1);
    assertThat(s.videos()).isEqualTo(3);
    assertThat(s.precision()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> TaggingEvaluation.atK(GOLD, GOLD, 0)).hasMessageContaining("k must");
    assertThatThrownBy(() -> TaggingEvaluation.atK(null, GOLD, 1)).hasMessageContaining("gold");
    assertThatThrownBy(() -> TaggingEvaluation.atK(GOLD, null, 1)).hasMessageContaining("predicted");
    assertThatThrownBy(() -> TaggingEvaluation.atK(GOLD, Map.of("v1", Arrays.asList("a", null)), 1))
        .hasMessageContaining("predicted labels of video v1 contain null");
    assertThatThrownBy(() -> new KindScores(1, 1.2, 0, 0, 1)).hasMessageContaining("precision");
    assertThatThrownBy(() -> LabelNormaliser.normalise(null)).hasMessageContaining("label");
  }
}
