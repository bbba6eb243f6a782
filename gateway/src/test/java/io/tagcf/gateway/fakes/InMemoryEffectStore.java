package io.tagcf.gateway.fakes;

import io.tagcf.gateway.effects.EffectSort;
import io.tagcf.gateway.effects.EffectStore;
import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.VideoAttribution;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.store.effects.CreatorTagEffect;
import io.tagcf.store.effects.RankedEffect;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.tags.TagSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Effect snapshots in memory, read by the rules of EffectReader: effects, rankings and
 * attributions of published snapshots only; the snapshot list newest first, every status.
 */
public final class InMemoryEffectStore implements EffectStore {

  /** The arguments of one ranking, as the gateway passed them. */
  public record Ranking(long snapshotId, Outcome outcome, String segment, EffectSort sort, boolean robustOnly,
      int limit) {}

  /** The arguments of one tag-effects read. */
  public record CellQuery(long snapshotId, long tagId, String segment, Outcome outcome) {}

  private final CallingThreads threads;
  private final Map<Long, SnapshotInfo> snapshots = new ConcurrentSkipListMap<>(Comparator.reverseOrder());
  private final Map<Long, List<CellEstimate>> cells = new ConcurrentHashMap<>();
  private final Map<Long, List<VideoAttribution>> attributions = new ConcurrentHashMap<>();
  private final Map<Long, TagSummary> tagNames = new ConcurrentHashMap<>();
  private final List<Ranking> rankings = new CopyOnWriteArrayList<>();
  private final List<CellQuery> cellQueries = new CopyOnWriteArrayList<>();
  private final List<Integer> listLimits = new CopyOnWriteArrayList<>();
  private final Map<String, List<CreatorTagEffect>> insights = new ConcurrentHashMap<>();

  public InMemoryEffectStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void put(SnapshotInfo snapshot) {
    snapshots.put(snapshot.snapshotId(), snapshot);
  }

  public void putCells(long snapshotId, List<CellEstimate> snapshotCells) {
    cells.put(snapshotId, List.copyOf(snapshotCells));
  }

  public void putAttributions(long snapshotId, List<VideoAttribution> snapshotAttributions) {
    attributions.put(snapshotId, List.copyOf(snapshotAttributions));
  }

  /** The names a ranking shows for the tag (the database joins the tags table). */
  public void putTag(TagSummary tag) {
    tagNames.put(tag.tagId(), tag);
  }

  public List<Ranking> rankings() {
    return List.copyOf(rankings);
  }

  public List<CellQuery> cellQueries() {
    return List.copyOf(cellQueries);
  }

  public List<Integer> listLimits() {
    return List.copyOf(listLimits);
  }

  @Override
  public List<SnapshotInfo> snapshots(int limit) {
    threads.record("effects.snapshots");
    listLimits.add(limit);
    return snapshots.values().stream().limit(limit).toList();
  }

  @Override
  public Optional<SnapshotInfo> snapshot(long snapshotId) {
    threads.record("effects.snapshot");
    return Optional.ofNullable(snapshots.get(snapshotId));
  }

  @Override
  public Optional<SnapshotInfo> latestPublished() {
    threads.record("effects.latestPublished");
    return snapshots.values().stream().filter(InMemoryEffectStore::published).findFirst();
  }

  @Override
  public List<CellEstimate> tagEffects(long snapshotId, long tagId, String segment, Outcome outcome) {
    threads.record("effects.tagEffects");
    cellQueries.add(new CellQuery(snapshotId, tagId, segment, outcome));
    return publishedCells(snapshotId).stream()
        .filter(c -> c.tagId() == tagId)
        .filter(c -> segment == null || c.segment().equals(segment))
        .filter(c -> outcome == null || c.outcome() == outcome)
        .sorted(Comparator.comparing(CellEstimate::segment).thenComparing(c -> c.outcome().label()))
        .toList();
  }

  @Override
  public List<RankedEffect> ranking(long snapshotId, Outcome outcome, String segment, EffectSort sort,
      boolean robustOnly, int limit) {
    threads.record("effects.ranking");
    rankings.add(new Ranking(snapshotId, outcome, segment, sort, robustOnly, limit));
    Comparator<CellEstimate> order = switch (sort) {
      case EFFECT_DESC -> Comparator.comparingDouble((CellEstimate c) -> c.aipw().estimate()).reversed();
      case EFFECT_ASC -> Comparator.comparingDouble((CellEstimate c) -> c.aipw().estimate());
      case SIGNIFICANCE -> Comparator.comparingDouble((CellEstimate c) -> Math.abs(c.aipw().estimate())
          / c.aipw().se()).reversed();
    };
    return publishedCells(snapshotId).stream()
        .filter(c -> c.status() == CellStatus.ESTIMATED && c.outcome() == outcome && c.segment().equals(segment))
        .filter(c -> !robustOnly || c.robust())
        .sorted(order.thenComparingLong(CellEstimate::tagId))
        .limit(limit)
        .map(c -> {
          TagSummary t = tagNames.get(c.tagId());
          return new RankedEffect(t.slug(), t.labelEn(), t.labelZh(), t.category(), c);
        })
        .toList();
  }

  @Override
  public List<VideoAttribution> attributions(long snapshotId, String videoId) {
    threads.record("effects.attributions");
    if (!published(snapshotId)) {
      return List.of();
    }
    return attributions.getOrDefault(snapshotId, List.of()).stream().filter(a -> a.videoId().equals(videoId)).toList();
  }

  private List<CellEstimate> publishedCells(long snapshotId) {
    return published(snapshotId) ? cells.getOrDefault(snapshotId, List.of()) : List.of();
  }

  private boolean published(long snapshotId) {
    SnapshotInfo s = snapshots.get(snapshotId);
    return s != null && published(s);
  }

  private static boolean published(SnapshotInfo s) {
    return "published".equals(s.status());
  }

  @Override
  public List<CreatorTagEffect> creatorInsights(long snapshotId, String creatorId, Outcome outcome) {
    threads.record("effects.creatorInsights");
    return published(snapshotId) ? insights.getOrDefault(creatorId + "/" + outcome, List.of()) : List.of();
  }

  public void putInsights(String creatorId, Outcome outcome, List<CreatorTagEffect> tags) {
    insights.put(creatorId + "/" + outcome, tags);
  }
}
