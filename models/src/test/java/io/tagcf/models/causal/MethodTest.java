package io.tagcf.models.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Method identifiers: the labels output shows, the reported variant, and what --methods accepts. */
class MethodTest {
  private static final String CHOICES = "(use dim, ra, ipw, aipw, psm, nnm, iv or all)";

  @Test
  void labelsAreTheNamesInJsonCsvAndTables() {
    assertThat(Arrays.stream(Method.values()).map(Method::label))
        .containsExactly("dim", "ra", "ipw", "ipw_ht", "aipw", "psm", "nnm", "iv");
  }

  @Test
  void horvitzThompsonIsAVariantReportedByIpw() {
    assertThat(Method.IPW_HT.selectable()).isFalse();
    assertThat(Method.IPW_HT.reportedBy()).isEqualTo(Method.IPW);
    assertThat(Method.IPW.reportedBy()).isEqualTo(Method.IPW);
    assertThat(Method.selectableValues()).doesNotContain(Method.IPW_HT).hasSize(7);
    CausalAnalysis engine = new CausalAnalysis();
    assertThat(engine.estimator(Method.IPW_HT)).isSameAs(engine.estimator(Method.IPW));
  }

  @Test
  void allMeansEverySelectableMethod() {
    assertThat(Method.parseList("all")).isEqualTo(EnumSet.of(
        Method.DIM, Method.RA, Method.IPW, Method.AIPW, Method.PSM, Method.NNM, Method.IV));
    assertThat(Method.parseList("dim,all")).isEqualTo(Method.selectableValues());
  }

  @Test
  void listsIgnoreCaseSpacesOrderDuplicatesAndEmptyParts() {
    assertThat(Method.parseList(" AIPW, dim,,aipw ,Ipw")).isEqualTo(EnumSet.of(Method.DIM, Method.IPW, Method.AIPW));
  }

  @Test
  void theVariantCannotBeRequested() {
    assertThatThrownBy(() -> Method.parseList("ipw_ht")).isInstanceOf(CausalInputException.class)
        .hasMessage("unknown method 'ipw_ht' " + CHOICES);
    assertThatThrownBy(() -> new AnalysisOptions(Estimand.ATE, EnumSet.of(Method.IPW, Method.IPW_HT), 1, false,
        NuisanceOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ipw_ht is reported by ipw and cannot be requested on its own");
  }

  @Test
  void parseErrorsNameTheProblemAndTheChoices() {
    assertThatThrownBy(() -> Method.parseList("dim, Magic")).isInstanceOf(CausalInputException.class)
        .hasMessage("unknown method 'Magic' " + CHOICES);
    assertThatThrownBy(() -> Method.parseList(" , ")).isInstanceOf(CausalInputException.class)
        .hasMessage("no method given " + CHOICES);
    assertThatThrownBy(() -> Method.parseList("")).isInstanceOf(CausalInputException.class)
        .hasMessage("no method given " + CHOICES);
  }
}
