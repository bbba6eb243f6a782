package io.tagcf.models.explanations;

import io.tagcf.models.explanations.NumberMention.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers an explanation may state, by how it states them: effects and differences of rates
 * as percentage points; rates, shares and relative changes as percentages; counts as plain
 * quantities (a plain number may also be any of the others, as in "an interval from 1.1 to 5.3").
 */
final class EvidenceNumbers {

  /** The confidence level of every interval. */
  static final double CONFIDENCE_PERCENT = 95;

  private final Map<Kind, List<Double>> allowed = new EnumMap<>(Kind.class);

  private EvidenceNumbers() {
    for (Kind k : Kind.values()) {
      allowed.put(k, new ArrayList<>());
    }
  }

  static EvidenceNumbers of(Evidence e, int establishedTags) {
    EvidenceNumbers n = new EvidenceNumbers();
    n.add(Kind.PERCENT, CONFIDENCE_PERCENT);
    n.add(Kind.QUANTITY, e.snapshot().id(), e.tags().size(), e.segments().size(), establishedTags);
    // "January 2026", "the 31st": the window's own dates.
    for (String date : new String[] {e.snapshot().windowStart(), e.snapshot().windowEnd()}) {
      for (String part : date.split("-")) {
        n.add(Kind.QUANTITY, Double.parseDouble(part));
      }
    }
    for (Evidence.Effect x : e.effects()) {
      n.add(Kind.PERCENTAGE_POINTS, x.effectPp(), x.lowPp(), x.highPp());
      n.add(Kind.PERCENT, x.controlRatePct(), x.controlRatePct() + x.effectPp(), relative(x.effectPp(), x.controlRatePct()));
      n.add(Kind.QUANTITY, x.treatedVideos(), x.exposures(), x.overlapEss());
      if (x.sensitivity() != null) {
        n.add(Kind.QUANTITY, x.sensitivity());
      }
    }
    for (Evidence.Attribution a : e.attributions()) {
      n.add(Kind.PERCENTAGE_POINTS, a.effectPp(), a.lowPp(), a.highPp(), a.observedPct() - a.withoutPct());
      n.add(Kind.PERCENT, a.observedPct(), a.withPct(), a.withoutPct(), relative(a.effectPp(), a.withoutPct()));
      n.add(Kind.QUANTITY, a.exposures());
    }
    Evidence.Baseline b = e.baseline();
    if (b != null) {
      n.addMetrics(b.video());
      n.addMetrics(b.neighbours());
      n.add(Kind.QUANTITY, b.neighbourCount());
      if (b.video() != null && b.neighbours() != null) {
        for (String outcome : List.of("click", "completion", "like")) {
          double mine = b.video().ratePct(outcome);
          double theirs = b.neighbours().ratePct(outcome);
          n.add(Kind.PERCENTAGE_POINTS, mine - theirs);
          n.add(Kind.PERCENT, relative(mine - theirs, theirs));
        }
      }
    }
    for (Evidence.Role r : e.audience()) {
      n.add(Kind.PERCENT, r.sharePct());
    }
    for (Evidence.Lead l : e.leads()) {
      n.add(Kind.PERCENTAGE_POINTS, l.effectPp(), l.lowPp(), l.highPp());
      n.add(Kind.QUANTITY, l.carriedBy(), l.neighbourCount());
    }
    return n;
  }

  /** Whether {@code m} states one of the allowed numbers, to its own rounding. */
  boolean allows(NumberMention m, boolean explicitSign) {
    List<Double> candidates = new ArrayList<>(allowed.get(m.kind()));
    if (m.kind() == Kind.QUANTITY) {
      candidates.addAll(allowed.get(Kind.PERCENT));
      candidates.addAll(allowed.get(Kind.PERCENTAGE_POINTS));
    }
    double tolerance = m.roundingTolerance() * (1 + 1e-9) + 1e-9;
    for (double x : candidates) {
      // Without a sign, "lowered by 1.2 points" states the size of -1.2.
      double stated = explicitSign ? x : Math.abs(x);
      if (Math.abs((explicitSign ? m.value() : Math.abs(m.value())) - stated) <= tolerance) {
        return true;
      }
    }
    return false;
  }

  /** The allowed number of the same kind nearest to {@code m}, for the finding's detail. */
  Double nearest(NumberMention m) {
    Double best = null;
    for (double x : allowed.get(m.kind())) {
      if (best == null || Math.abs(Math.abs(x) - Math.abs(m.value())) < Math.abs(Math.abs(best) - Math.abs(m.value()))) {
        best = x;
      }
    }
    return best;
  }

  private void addMetrics(Evidence.Metrics m) {
    if (m != null) {
      add(Kind.PERCENT, m.clickPct(), m.completionPct(), m.likePct());
      add(Kind.QUANTITY, m.exposures());
    }
  }

  private void add(Kind kind, double... values) {
    for (double v : values) {
      if (Double.isFinite(v)) {
        allowed.get(kind).add(v);
      }
    }
  }

  private static double relative(double change, double base) {
    return base > 0 ? 100 * change / base : Double.NaN;
  }
}
