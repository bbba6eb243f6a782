package io.tagcf.gateway.fakes;

import io.tagcf.gateway.tags.TagStore;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.ApprovalOutcome;
import io.tagcf.store.tags.TagPage;
import io.tagcf.store.tags.TagPosition;
import io.tagcf.store.tags.TagSummary;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tag vocabulary in memory, searched by the rules of TagCatalog. */
public final class InMemoryTagStore implements TagStore {

  /** The arguments of one search, as the gateway passed them. */
  public record Search(
      TagKind kind, String query, Boolean coverSet, TagPosition after, int size, boolean withQuarantined) {}

  /** One approval, as the gateway asked for it. */
  public record Approval(long tagId, String approvedBy) {}

  private final CallingThreads threads;
  private final Map<Long, TagSummary> tags = new ConcurrentHashMap<>();
  private final Map<TagKind, CoverSetVersion> coverSets = new ConcurrentHashMap<>();
  private final Map<Long, List<StoredLogicEdge>> edges = new ConcurrentHashMap<>();
  private final List<Search> searches = new CopyOnWriteArrayList<>();
  private final List<Integer> edgeLimits = new CopyOnWriteArrayList<>();
  private final List<Approval> approvals = new CopyOnWriteArrayList<>();

  public InMemoryTagStore(CallingThreads threads) {
    this.threads = threads;
  }

  public void put(TagSummary tag) {
    tags.put(tag.tagId(), tag);
  }

  public void putCoverSet(CoverSetVersion version) {
    coverSets.put(version.kind(), version);
  }

  /** The edges leaving {@code tagId}, strongest first. */
  public void putEdges(long tagId, List<StoredLogicEdge> leaving) {
    edges.put(tagId, List.copyOf(leaving));
  }

  public List<Search> searches() {
    return List.copyOf(searches);
  }

  /** The limit of each edge query, in order. */
  public List<Integer> edgeLimits() {
    return List.copyOf(edgeLimits);
  }

  public List<Approval> approvals() {
    return List.copyOf(approvals);
  }

  @Override
  public TagPage search(
      TagKind kind, String query, Boolean coverSet, TagPosition after, int size, boolean withQuarantined) {
    threads.record("tags.search");
    searches.add(new Search(kind, query, coverSet, after, size, withQuarantined));
    List<TagSummary> matches = tags.values().stream()
        .filter(t -> withQuarantined || !t.quarantined())
        .filter(t -> kind == null || t.kind() == kind)
        .filter(t -> query == null || contains(t.labelEn(), query) || contains(t.labelZh(), query)
            || contains(t.slug(), query))
        .filter(t -> coverSet == null || t.inCoverSet() == coverSet)
        .filter(t -> after == null || t.videoCount() < after.videoCount()
            || (t.videoCount() == after.videoCount() && t.tagId() > after.tagId()))
        .sorted(Comparator.comparingLong(TagSummary::videoCount).reversed().thenComparingLong(TagSummary::tagId))
        .toList();
    List<TagSummary> items = matches.stream().limit(size).toList();
    return new TagPage(items, matches.size() > size ? Optional.of(TagPosition.of(items.get(size - 1))) : Optional.empty());
  }

  @Override
  public Optional<TagSummary> find(long tagId) {
    threads.record("tags.find");
    return Optional.ofNullable(tags.get(tagId));
  }

  /** By the rules of CandidateApproval: only a quarantined candidate is released. */
  @Override
  public ApprovalOutcome approve(long tagId, String approvedBy) {
    threads.record("tags.approve");
    approvals.add(new Approval(tagId, approvedBy));
    TagSummary t = tags.get(tagId);
    if (t == null) {
      return ApprovalOutcome.NO_SUCH_TAG;
    }
    if (!t.candidate()) {
      return ApprovalOutcome.VOCABULARY_TAG;
    }
    if (!t.quarantined()) {
      return ApprovalOutcome.ALREADY_RELEASED;
    }
    tags.put(tagId, new TagSummary(t.tagId(), t.kind(), t.slug(), t.labelEn(), t.labelZh(), t.category(), true,
        false, t.videoCount(), t.inCoverSet(), t.lastSeenAt()));
    return ApprovalOutcome.APPROVED;
  }

  @Override
  public Optional<CoverSetVersion> latestCoverSet(TagKind kind) {
    threads.record("tags.latestCoverSet");
    return Optional.ofNullable(coverSets.get(kind));
  }

  @Override
  public List<StoredLogicEdge> strongestEdges(long tagId, int limit) {
    threads.record("tags.strongestEdges");
    edgeLimits.add(limit);
    return edges.getOrDefault(tagId, List.of()).stream().limit(limit).toList();
  }

  private static boolean contains(String text, String query) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
  }
}
