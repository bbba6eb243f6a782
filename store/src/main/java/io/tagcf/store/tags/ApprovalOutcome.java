package io.tagcf.store.tags;

/** What an admin's approval of a candidate tag did. */
public enum ApprovalOutcome {
  APPROVED,
  NO_SUCH_TAG,
  /** A vocabulary tag: it was never quarantined. */
  VOCABULARY_TAG,
  /** Approved before, or used by enough creators: nothing to release. */
  ALREADY_RELEASED
}
