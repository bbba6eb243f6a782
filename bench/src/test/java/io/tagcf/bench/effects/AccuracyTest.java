package io.tagcf.bench.effects;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.Segment;
import io.tagcf.models.simulation.TruthTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccuracyTest {
  private static final Segment SEGMENT = new Segment(0, "18-24", 1);

  private static CellEstimate cell(long tag, String segment, CellStatus status, double low, double high) {
    Estimate aipw = status == CellStatus.ESTIMATED ? estimate(low, high) : null;
    return new CellEstimate(tag, segment, Outcome.CLICK, status, status == CellStatus.ESTIMATED ? null : "few", 100,
        50, 50, 1000, 500, aipw, null, null, null, null, null, null, null, false);
  }

  private static Estimate estimate(double low, double high) {
    double mid = (low + high) / 2;
    return new Estimate(mid, (high - mid) / 1.959963984540054, low, high);
  }

  private static TruthTable.Row truth(double att, boolean zero) {
    return new TruthTable.Row(0, SEGMENT, Outcome.CLICK, att, att, 1000, 500, zero);
  }

  @Test
  void coverageCountsEstimatedCellsOfRealSegmentsOnly() {
    Map<Long, TruthTable.Row> truths = Map.of(1L, truth(0.05, false), 2L, truth(0.0, true), 3L, truth(0.0, true));
    List<CellEstimate> cells = List.of(
        cell(1, "18-24/1", CellStatus.ESTIMATED, 0.01, 0.04),   // misses 0.05
        cell(2, "18-24/1", CellStatus.ESTIMATED, -0.01, 0.02),  // covers 0, not significant
        cell(3, "18-24/1", CellStatus.ESTIMATED, 0.01, 0.03),   // misses 0, significant
        cell(1, "all", CellStatus.ESTIMATED, 0.04, 0.06),       // pooled: no truth to compare
        cell(1, "25-34/2", CellStatus.INSUFFICIENT, 0, 0),
        cell(9, "18-24/1", CellStatus.ESTIMATED, 0, 1));        // a tag without planted truth
    Accuracy a = Accuracy.of(cells, (tag, segment, outcome) ->
        segment.equals("18-24/1") ? truths.get(tag) : null);
    assertThat(a).isEqualTo(new Accuracy(3, 1, 3, 2, 1));
    assertThat(a.coverage()).isEqualTo(1 / 3.0);
    assertThat(a.zeroSignificantShare()).isEqualTo(0.5);
    assertThat(a.describe()).isEqualTo("3 estimated cells of 3 tags; 95% intervals cover the truth in 1 (33.3%);"
        + " 1 of 2 planted-zero cells called significant (50.0%)");
  }
}
