package io.tagcf.gateway.tags;

import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.ApprovalOutcome;
import io.tagcf.store.tags.TagPage;
import io.tagcf.store.tags.TagPosition;
import io.tagcf.store.tags.TagSummary;
import java.util.List;
import java.util.Optional;

/** The tag vocabulary as the tag API reads it: its port to the database. Every method blocks. */
public interface TagStore {

  /**
   * Tags matching the filters, most used first, then by id.
   *
   * @param kind null for both kinds
   * @param query null or a case-insensitive substring of either label or the slug
   * @param coverSet null for any, else only tags in (true) or out of (false) the latest cover set
   * @param after null for the first page, else the position of the previous page's last tag
   * @param withQuarantined whether quarantined candidate tags are listed too (admins only)
   */
  TagPage search(TagKind kind, String query, Boolean coverSet, TagPosition after, int size, boolean withQuarantined);

  /** The tag, quarantined or not: its {@code quarantined} says whether the caller may be shown it. */
  Optional<TagSummary> find(long tagId);

  /** Releases a quarantined candidate tag; who approved it is recorded with it. */
  ApprovalOutcome approve(long tagId, String approvedBy);

  Optional<CoverSetVersion> latestCoverSet(TagKind kind);

  /** Up to {@code limit} logic edges leaving the tag, both directions and sources, strongest first. */
  List<StoredLogicEdge> strongestEdges(long tagId, int limit);
}
