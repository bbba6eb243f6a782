package io.tagcf.batch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.tagcf.batch.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelSetTest {

  @Test
  void namesMatchAfterFoldingAndDescriptionsAreWhatIsEmbedded() {
    LabelSet labels = LabelSet.parse(List.of("food=cooking recipes 美食", " Sports "), "--labels");
    assertThat(labels.names()).isEqualTo("food, Sports");
    assertThat(labels.find("ＳＰＯＲＴＳ")).map(LabelSet.Label::name).contains("Sports");
    assertThat(labels.labels().get(0).matchText()).isEqualTo("cooking recipes 美食");
    assertThat(labels.labels().get(1).matchText()).isEqualTo("Sports");
  }

  @Test
  void badLabelListsAreOneLineErrorsNamingTheOption() {
    assertThatThrownBy(() -> LabelSet.parse(List.of("food", ""), "--labels"))
        .isInstanceOf(InputException.class).hasMessageStartingWith("--labels: empty label");
    assertThatThrownBy(() -> LabelSet.parse(List.of("food", "FOOD=x"), "--labels"))
        .hasMessage("--labels: label 'FOOD' is given twice");
    assertThatThrownBy(() -> LabelSet.parse(List.of("food"), "--labels"))
        .hasMessage("--labels: give at least two labels to choose from, got 1");
    assertThatThrownBy(() -> LabelSet.parse(List.of("=x", "y"), "--labels"))
        .hasMessage("--labels: label '=x' has no name before '='");
  }

  @Test
  void accuracyHasAWilsonInterval() {
    // 30 of 32: the interval printed by the README's example run.
    Accuracy a = new Accuracy(30, 32);
    assertThat(a.value()).isEqualTo(0.9375);
    double[] ci = a.wilson95();
    assertThat(ci[0]).isCloseTo(0.7985, offset(5e-5));
    assertThat(ci[1]).isCloseTo(0.9827, offset(5e-5));
    double[] all = new Accuracy(10, 10).wilson95();
    assertThat(all[1]).isCloseTo(1.0, offset(1e-12));
    assertThat(all[0]).isBetween(0.69, 0.73);
  }
}
