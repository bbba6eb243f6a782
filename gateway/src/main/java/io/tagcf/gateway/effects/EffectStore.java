package io.tagcf.gateway.effects;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.CreatorTagEffect;
import io.tagcf.store.effects.RankedEffect;
import io.tagcf.store.effects.SnapshotInfo;
import java.util.List;
import java.util.Optional;

/**
 * Effect snapshots as the effects API reads them: its port to the database. Effects, rankings and
 * attributions come from published snapshots only; the snapshot list shows every status. Every
 * method blocks.
 */
public interface EffectStore {

  /** The newest snapshots first, every status. */
  List<SnapshotInfo> snapshots(int limit);

  Optional<SnapshotInfo> snapshot(long snapshotId);

  Optional<SnapshotInfo> latestPublished();

  /**
   * A published snapshot's cells of one tag, by segment and outcome.
   *
   * @param segment null for every segment
   * @param outcome null for every outcome
   */
  List<CellEstimate> tagEffects(long snapshotId, long tagId, String segment, Outcome outcome);

  /** A published snapshot's estimated cells of one outcome and segment, ranked, with their tags' names. */
  List<RankedEffect> ranking(long snapshotId, Outcome outcome, String segment, EffectSort sort, boolean robustOnly,
      int limit);

  /** A published snapshot's attributions of one video, by tag, segment and outcome. */
  List<VideoAttribution> attributions(long snapshotId, String videoId);

  /** What the tags of a creator's videos did for them on {@code outcome} over all viewers, with the platform's effect. */
  List<CreatorTagEffect> creatorInsights(long snapshotId, String creatorId, Outcome outcome);
}
