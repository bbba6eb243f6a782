package io.tagcf.models.explanations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the verifier and the writers find a tag and an effect in the evidence. */
class EvidenceLookupTest {

  private static final Evidence EVIDENCE = EvidenceFixtures.cooking();

  @Test
  void aTagIsFoundBySlugOrEitherLabelHoweverSpacedOrCased() {
    for (String name : new String[] {"home-cooking", "Home Cooking", "  home   cooking ", "家常菜"}) {
      assertThat(EVIDENCE.tagNamed(name)).as(name).map(Evidence.Tag::slug).contains("home-cooking");
    }
    assertThat(EVIDENCE.tagNamed("home baking")).isEmpty();
    assertThat(EVIDENCE.tagNamed(null)).isEmpty();
  }

  @Test
  void anEffectIsFoundByTagSegmentAndOutcome() {
    assertThat(EVIDENCE.effect("home-cooking", "18-24", "completion")).map(Evidence.Effect::effectPp).contains(3.26);
    assertThat(EVIDENCE.effect("home-cooking", "18-24", "click")).map(Evidence.Effect::effectPp).contains(0.41);
    assertThat(EVIDENCE.effect("home-cooking", "65+", "completion")).isEmpty();
    assertThat(EVIDENCE.effect("home-cooking", "18-24", "like")).isEmpty();
  }
}
