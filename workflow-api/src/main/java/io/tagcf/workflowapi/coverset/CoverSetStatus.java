package io.tagcf.workflowapi.coverset;

import io.tagcf.models.coverset.CoverSetSummary;
import java.util.List;

/** What the cover-set workflow last did; {@code runs} counts runs of this execution. */
public record CoverSetStatus(int runs, long lastRunMillis, List<CoverSetSummary> latest, String lastError) {

  public static CoverSetStatus initial() {
    return new CoverSetStatus(0, 0, List.of(), null);
  }
}
