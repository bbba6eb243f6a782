package io.tagcf.models.effects;

import io.tagcf.models.interactions.Outcome;

/**
 * The effect of carrying one tag on one outcome rate in one segment, for the videos that carry it
 * (ATT): the average over the segment's exposures of tagged videos of P(outcome | tag on) -
 * P(outcome | tag off). Cells held back as
 * {@link CellStatus#INSUFFICIENT} carry the reason and the counts, never estimates.
 *
 * @param aipw the primary estimate (augmented IPW, doubly robust)
 * @param naive the difference in exposure-weighted mean rates, unadjusted
 * @param ipw the Hájek IPW estimate (controls weighted by the propensity odds)
 * @param iv the exploration-traffic instrument's estimate; null when there is no exploration traffic
 * @param controlMean the tagged videos' exposure-weighted mean predicted rate without the tag
 * @param sensitivity E-value of the interval limit closest to no effect (1: no confounding needed)
 * @param robust significant, placebo passed, no overlap problem, sensitivity at or above the floor
 */
public record CellEstimate(
    long tagId, String segment, Outcome outcome, CellStatus status, String reason,
    int videos, int treatedVideos, int controlVideos, long exposures, long treatedExposures,
    Estimate aipw, Estimate naive, Estimate ipw, InstrumentEstimate iv, Overlap overlap,
    PlaceboCheck placebo, Double controlMean, Double sensitivity, boolean robust) {

  static CellEstimate insufficient(long tagId, String segment, Outcome outcome, String reason, int videos,
      int treated, long exposures, long treatedExposures) {
    return new CellEstimate(tagId, segment, outcome, CellStatus.INSUFFICIENT, reason, videos, treated,
        videos - treated, exposures, treatedExposures, null, null, null, null, null, null, null, null, false);
  }
}
