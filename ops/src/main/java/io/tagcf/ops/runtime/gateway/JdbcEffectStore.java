package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.effects.EffectSort;
import io.tagcf.gateway.effects.EffectStore;
import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.effects.CreatorTagEffect;
import io.tagcf.store.effects.RankedEffect;
import io.tagcf.store.effects.SnapshotInfo;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The gateway's effect snapshots in PostgreSQL, read through {@link EffectReader}. */
public final class JdbcEffectStore implements EffectStore {

  private final EffectReader reader;

  public JdbcEffectStore(DataSource dataSource) {
    this.reader = new EffectReader(dataSource);
  }

  @Override
  public List<SnapshotInfo> snapshots(int limit) {
    return reader.snapshots(limit);
  }

  @Override
  public Optional<SnapshotInfo> snapshot(long snapshotId) {
    return reader.snapshot(snapshotId);
  }

  @Override
  public Optional<SnapshotInfo> latestPublished() {
    return reader.latestPublished();
  }

  @Override
  public List<CellEstimate> tagEffects(long snapshotId, long tagId, String segment, Outcome outcome) {
    return reader.tagEffects(snapshotId, tagId, segment, outcome == null ? null : outcome.label());
  }

  @Override
  public List<RankedEffect> ranking(long snapshotId, Outcome outcome, String segment, EffectSort sort,
      boolean robustOnly, int limit) {
    return reader.ranking(snapshotId, outcome.label(), segment, sort(sort), robustOnly, limit);
  }

  @Override
  public List<VideoAttribution> attributions(long snapshotId, String videoId) {
    return reader.attributions(snapshotId, videoId);
  }

  private static EffectReader.Sort sort(EffectSort sort) {
    return switch (sort) {
      case EFFECT_DESC -> EffectReader.Sort.EFFECT_DESC;
      case EFFECT_ASC -> EffectReader.Sort.EFFECT_ASC;
      case SIGNIFICANCE -> EffectReader.Sort.SIGNIFICANCE;
    };
  }

  @Override
  public List<CreatorTagEffect> creatorInsights(long snapshotId, String creatorId, Outcome outcome) {
    return reader.creatorInsights(snapshotId, creatorId, outcome.label());
  }
}
