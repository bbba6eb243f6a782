package io.tagcf.gateway;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.Estimate;
import io.tagcf.models.effects.InstrumentEstimate;
import io.tagcf.models.effects.Overlap;
import io.tagcf.models.effects.PlaceboCheck;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.SnapshotInfo;
import java.time.Instant;
import java.util.List;

/** Snapshots and cells for the effects API's tests. */
final class EffectFixtures {

  static final Instant WINDOW_START = Instant.parse("2026-09-01T00:00:00Z");
  static final Instant WINDOW_END = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant STARTED = Instant.parse("2026-10-01T02:00:00Z");
  static final Instant PUBLISHED = Instant.parse("2026-10-01T02:03:30Z");

  private EffectFixtures() {}

  static SnapshotInfo published(long id) {
    return new SnapshotInfo(id, "published", WINDOW_START, WINDOW_END, "age_band", List.of("18-24", "25-34"),
        "item cover set v3", 40, 1200, 250_000, 4, 4, 300, 60, null, STARTED, PUBLISHED);
  }

  static SnapshotInfo running(long id, int shardsDone, int shardsTotal) {
    return new SnapshotInfo(id, "running", WINDOW_START, WINDOW_END, "age_band", List.of("18-24", "25-34"),
        "item cover set v3", 40, 1200, 250_000, shardsTotal, shardsDone, null, null, null, STARTED, null);
  }

  static SnapshotInfo failed(long id, String error) {
    return new SnapshotInfo(id, "failed", WINDOW_START, WINDOW_END, "age_band", List.of(), null, 0, 0, 0, 0, 0,
        null, null, error, STARTED, null);
  }

  /** An estimated cell: the effect, its SE, significant and robust when {@code robust}. */
  static CellEstimate estimated(long tagId, String segment, Outcome outcome, double effect, double se, boolean robust) {
    return new CellEstimate(tagId, segment, outcome, CellStatus.ESTIMATED, null, 400, 120, 280, 50_000, 15_000,
        Estimate.of(effect, se), Estimate.of(effect * 1.5, se), Estimate.of(effect * 1.1, se * 1.2), null,
        new Overlap(95.5, 250.25, 0.01), new PlaceboCheck(Estimate.of(0.001, se), true), 0.2, 1.35, robust);
  }

  static CellEstimate withInstrument(CellEstimate c, InstrumentEstimate iv) {
    return new CellEstimate(c.tagId(), c.segment(), c.outcome(), c.status(), c.reason(), c.videos(),
        c.treatedVideos(), c.controlVideos(), c.exposures(), c.treatedExposures(), c.aipw(), c.naive(), c.ipw(), iv,
        c.overlap(), c.placebo(), c.controlMean(), c.sensitivity(), c.robust());
  }

  static CellEstimate insufficient(long tagId, String segment, Outcome outcome, String reason) {
    return new CellEstimate(tagId, segment, outcome, CellStatus.INSUFFICIENT, reason, 30, 4, 26, 900, 80, null, null,
        null, null, null, null, null, null, false);
  }
}
