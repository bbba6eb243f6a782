package io.tagcf.gateway.tags;

import io.tagcf.store.coverset.CoverSetVersion;
import io.tagcf.store.logic.StoredLogicEdge;
import io.tagcf.store.tags.TagSummary;
import java.util.List;

/** One tag with the latest cover set of its kind (null before the first) and its strongest edges. */
public record TagDetail(TagSummary tag, CoverSetVersion latestCoverSet, List<StoredLogicEdge> neighbours) {

  public TagDetail {
    neighbours = List.copyOf(neighbours);
  }
}
