package io.tagcf.activities.coverset;

import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.coverset.CoverSetSummary;
import io.tagcf.models.coverset.GreedyCoverSet;
import io.tagcf.store.coverset.CoverSetRepository;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Greedy max coverage over the recent items, stored as a new version. Tags that no recent item
 * carries cannot be chosen, so a tag unseen for the window drops out of the cover set at the next
 * run while its assignments stay for explanations.
 */
public final class CoverSetActivitiesImpl implements CoverSetActivities {

  private final CoverSetRepository repository;
  private final Clock clock;

  public CoverSetActivitiesImpl(CoverSetRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public CoverSetSummary refreshCoverSet(CoverSetRequest r) {
    if (r.windowDays() < 1 || !(r.tau() > 0 && r.tau() <= 1)) {
      throw ApplicationFailure.newNonRetryableFailure(
          "cover set needs windowDays >= 1 and 0 < tau <= 1, got " + r, "InvalidRequest");
    }
    Instant since = clock.instant().minus(Duration.ofDays(r.windowDays()));
    CoverSet cover = GreedyCoverSet.select(repository.recentItems(r.kind(), since), r.tau());
    long version = repository.save(r.kind(), r.windowDays(), r.tau(), cover);
    return new CoverSetSummary(r.kind(), version, cover.coverage(), cover.tagIds().size(),
        cover.coveredItems(), cover.totalItems());
  }
}
