package io.tagcf.models.simulation;

import io.tagcf.models.interactions.Outcome;

import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the true effects from exposure blocks (in order, so the sums are reproducible).
 * Sink for {@link ExposureSimulator}.
 */
public final class TruthTable implements ExposureSink {
  private final World world;
  private final double[][] effectSum;
  private final double[][] treatedEffectSum;
  private final long[] treatedCount;
  private final long[] segmentCount;

  public TruthTable(World world) {
    this.world = world;
    int cells = world.config.segments() * world.config.tags();
    this.effectSum = new double[3][cells];
    this.treatedEffectSum = new double[3][cells];
    this.treatedCount = new long[cells];
    this.segmentCount = new long[world.config.segments()];
  }

  @Override
  public void accept(ExposureBlock block) {
    for (int o = 0; o < 3; o++) {
      for (int c = 0; c < effectSum[o].length; c++) {
        effectSum[o][c] += block.effectSum[o][c];
        treatedEffectSum[o][c] += block.treatedEffectSum[o][c];
      }
    }
    for (int c = 0; c < treatedCount.length; c++) {
      treatedCount[c] += block.treatedCount[c];
    }
    for (int s = 0; s < segmentCount.length; s++) {
      segmentCount[s] += block.segmentCount[s];
    }
  }

  /**
   * One row of truth.csv.
   *
   * @param ate mean over the segment's exposures of P(outcome | tag on) - P(outcome | tag off)
   * @param att the same mean over exposures whose video carries the tag (NaN when there are none)
   * @param zeroEffect the tag cannot change this outcome in this segment (exactly zero truth)
   */
  public record Row(int tag, Segment segment, Outcome outcome, double ate, double att, long exposures,
      long treatedExposures, boolean zeroEffect) {}

  public Row row(int tag, int segment, Outcome outcome) {
    int cell = segment * world.config.tags() + tag;
    long n = segmentCount[segment];
    long nt = treatedCount[cell];
    int o = outcome.ordinal();
    double ate = n > 0 ? effectSum[o][cell] / n : 0.0;
    double att = nt > 0 ? treatedEffectSum[o][cell] / nt : Double.NaN;
    return new Row(tag, world.segments.get(segment), outcome, ate, att, n, nt,
        world.zeroEffect(outcome, segment, tag));
  }

  /** All rows: tag-major, then segment, then outcome. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (int c = 0; c < world.config.tags(); c++) {
      for (int s = 0; s < world.config.segments(); s++) {
        for (Outcome o : Outcome.values()) {
          out.add(row(c, s, o));
        }
      }
    }
    return out;
  }
}
