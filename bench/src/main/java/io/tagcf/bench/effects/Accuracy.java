package io.tagcf.bench.effects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.TruthTable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Published estimates against the planted truth, as EffectSnapshotIntegrationTest checks them: over
 * the estimated (tag, segment, outcome) cells of real segments, how many 95% intervals cover the
 * true effect on the treated, and how many cells whose truth is exactly zero are called significant.
 *
 * @param cells estimated cells with a truth to compare (the pooled segment has none)
 * @param tags tags with at least one such cell
 */
record Accuracy(int cells, int covered, int tags, int zeroCells, int zeroSignificant) {

  /** The planted truth of a cell, null where the world has none. */
  @FunctionalInterface
  interface Truth {
    TruthTable.Row of(long tagId, String segment, Outcome outcome);
  }

  static Accuracy of(List<CellEstimate> published, Truth truth) {
    int cells = 0;
    int covered = 0;
    int zero = 0;
    int zeroSignificant = 0;
    Set<Long> tags = new HashSet<>();
    for (CellEstimate c : published) {
      if (c.status() != CellStatus.ESTIMATED || c.segment().equals(VideoDesign.ALL_SEGMENTS)) {
        continue;
      }
      TruthTable.Row row = truth.of(c.tagId(), c.segment(), c.outcome());
      if (row == null) {
        continue;
      }
      cells++;
      tags.add(c.tagId());
      covered += c.aipw().ciLow() <= row.att() && row.att() <= c.aipw().ciHigh() ? 1 : 0;
      if (row.zeroEffect()) {
        zero++;
        zeroSignificant += c.aipw().significant() ? 1 : 0;
      }
    }
    return new Accuracy(cells, covered, tags.size(), zero, zeroSignificant);
  }

  @JsonProperty
  double coverage() {
    return cells == 0 ? Double.NaN : covered / (double) cells;
  }

  @JsonProperty
  double zeroSignificantShare() {
    return zeroCells == 0 ? Double.NaN : zeroSignificant / (double) zeroCells;
  }

  String describe() {
    return String.format(Locale.ROOT, "%,d estimated cells of %d tags; 95%% intervals cover the truth in %,d"
            + " (%.1f%%); %,d of %,d planted-zero cells called significant (%.1f%%)", cells, tags, covered,
        100 * coverage(), zeroSignificant, zeroCells, 100 * zeroSignificantShare());
  }
}
