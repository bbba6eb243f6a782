package io.tagcf.store.tags;

import io.tagcf.store.Transactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/** An admin's release of a quarantined candidate tag before enough creators use it. */
public final class CandidateApproval {

  private final Transactions tx;
  private final CandidateQuarantine quarantine;

  public CandidateApproval(DataSource dataSource, CandidateQuarantine quarantine) {
    this.tx = new Transactions(dataSource);
    this.quarantine = quarantine;
  }

  /**
   * Releases the tag, recording who approved it and when; only a quarantined candidate changes.
   * The row is locked while deciding, so two admins approving at once approve it once.
   */
  public ApprovalOutcome approve(long tagId, String approvedBy) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT status, approved_at IS NOT NULL, creator_count FROM tags WHERE tag_id = ? FOR NO KEY UPDATE")) {
        ps.setLong(1, tagId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            return ApprovalOutcome.NO_SUCH_TAG;
          }
          boolean candidate = "candidate".equals(rs.getString(1));
          if (!candidate) {
            return ApprovalOutcome.VOCABULARY_TAG;
          }
          if (!quarantine.quarantined(true, rs.getBoolean(2), rs.getLong(3))) {
            return ApprovalOutcome.ALREADY_RELEASED;
          }
        }
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE tags SET approved_at = now(), approved_by = ? WHERE tag_id = ?")) {
        ps.setString(1, approvedBy);
        ps.setLong(2, tagId);
        ps.executeUpdate();
      }
      return ApprovalOutcome.APPROVED;
    });
  }
}
