package io.tagcf.store.interactions;

/**
 * What a load notes about its exposures as they are read, instead of reading it back from the
 * database: lookups per row cost less than passes of their own over the rows.
 *
 * @param users the distinct user ids, checked against the users table at the end
 * @param videos the distinct video ids, likewise
 * @param eventIds fingerprints of the event ids, which tell when one may repeat
 * @param months the months reached, whose partitions must exist
 */
record ExposureNotes(DistinctIds users, DistinctIds videos, IdFingerprints eventIds, StagedMonths months) {

  ExposureNotes(IdFingerprints eventIds) {
    this(new DistinctIds(), new DistinctIds(), eventIds, new StagedMonths());
  }
}
