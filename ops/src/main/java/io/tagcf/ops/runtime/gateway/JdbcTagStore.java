package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.tags.TagStore;
import io.tagcf.models.tags.TagKind;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.LogicEdgeRepository;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.ApprovalOutcome;
import io.tagcf.store.tags.CandidateApproval;
import io.tagcf.store.tags.CandidateQuarantine;
import io.tagcf.store.tags.TagCatalog;
import io.tagcf.store.tags.TagPage;
import io.tagcf.store.tags.TagPosition;
import io.tagcf.store.tags.TagSummary;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The gateway's tag vocabulary, cover sets and logic edges in PostgreSQL. */
public final class JdbcTagStore implements TagStore {

  private final TagCatalog catalog;
  private final CoverSetRepository coverSets;
  private final LogicEdgeRepository edges;
  private final CandidateApproval approval;

  public JdbcTagStore(DataSource dataSource, CandidateQuarantine quarantine) {
    this.catalog = new TagCatalog(dataSource, quarantine);
    this.coverSets = new CoverSetRepository(dataSource, quarantine);
    this.edges = new LogicEdgeRepository(dataSource);
    this.approval = new CandidateApproval(dataSource, quarantine);
  }

  @Override
  public TagPage search(
      TagKind kind, String query, Boolean coverSet, TagPosition after, int size, boolean withQuarantined) {
    return catalog.search(kind, query, coverSet, after, size, withQuarantined);
  }

  @Override
  public ApprovalOutcome approve(long tagId, String approvedBy) {
    return approval.approve(tagId, approvedBy);
  }

  @Override
  public Optional<TagSummary> find(long tagId) {
    return catalog.find(tagId);
  }

  @Override
  public Optional<CoverSetVersion> latestCoverSet(TagKind kind) {
    return coverSets.latest(kind);
  }

  @Override
  public List<StoredLogicEdge> strongestEdges(long tagId, int limit) {
    return edges.outgoing(tagId, limit);
  }
}
