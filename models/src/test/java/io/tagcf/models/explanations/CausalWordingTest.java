package io.tagcf.models.explanations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CausalWordingTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "The healing tag drove completion among new parents",
      "Completion rose because of the cooking tag",
      "This tag increased clicks by 3 points",
      "Its likes were boosted by the pets tag",
      "治愈感提升了新手父母的完播率",
      "因为有萌宠标签，点击率更高",
      "这个标签导致完播率下降",
  })
  void aCausalClaimIsFound(String sentence) {
    assertThat(CausalWording.causalClaims(sentence)).as(sentence).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The healing tag has no clear effect on completion",
      "The effect is not established",
      "治愈感对完播率没有明确的影响",
      "该标签并未提升点击率",
      "该标签的作用尚不确定",
  })
  void aSentenceThatClaimsNoCauseIsClean(String sentence) {
    assertThat(CausalWording.causalClaims(sentence)).as(sentence).isEmpty();
  }

  @Test
  void aNegationFarFromTheCausalWordDoesNotTakeItBack() {
    // Scoping negations is left undone on purpose: a sentence flagged wrongly only sends the
    // explanation to the template writer, one let through wrongly would print a false cause.
    assertThat(CausalWording.causalClaims("There is not enough evidence that the tag drove clicks"))
        .containsExactly("drove");
    assertThat(CausalWording.causalClaims("No doubt about it: the tag drove clicks")).containsExactly("drove");
  }

  @Test
  void uncertaintyIsStatedByAnIntervalOrARange() {
    assertThat(CausalWording.statesUncertainty("completion 42% (95% interval 38% to 46%)")).isTrue();
    assertThat(CausalWording.statesUncertainty("between 27% and 35%")).isTrue();
    assertThat(CausalWording.statesUncertainty("完播率提升约12个百分点（区间3至21）")).isTrue();
    assertThat(CausalWording.statesUncertainty("Completion rose by 12 points")).isFalse();
    assertThat(CausalWording.statesUncertainty("完播率提升了12个百分点")).isFalse();
  }

  @Test
  void sentencesSplitOnEndMarksButNotOnDecimalPoints() {
    assertThat(CausalWording.sentences("Completion was 31.5% here. Clicks rose!  完播率提升。点击率未变"))
        .containsExactly("Completion was 31.5% here", "Clicks rose", "完播率提升", "点击率未变");
  }
}
