package io.tagcf.store.budget;

import io.tagcf.store.Transactions;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import javax.sql.DataSource;

/** How many LLM tagging calls each creator has spent per UTC day, and the taking of more. */
public final class LlmCallBudget {

  private final Transactions tx;

  public LlmCallBudget(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  /**
   * Takes {@code calls} of the creator's {@code limit} for {@code day} if that many are left, in
   * one statement: the upsert's WHERE is judged against the row as concurrent takers left it (the
   * row is locked for it), so however many take at once, the total never passes the limit.
   *
   * @return whether the calls were taken; nothing changes when they were not
   */
  public boolean take(String creatorId, LocalDate day, int calls, int limit) {
    if (calls < 1 || limit < 0) {
      throw new IllegalArgumentException("calls must be positive and the limit not negative: " + calls + ", " + limit);
    }
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO llm_creator_budget AS b (creator_id, day, calls) SELECT ?, ?, ? WHERE ? <= ?"
              + " ON CONFLICT (creator_id, day) DO UPDATE SET calls = b.calls + excluded.calls"
              + " WHERE b.calls + excluded.calls <= ? RETURNING b.calls")) {
        ps.setString(1, creatorId);
        ps.setDate(2, Date.valueOf(day));
        ps.setInt(3, calls);
        ps.setInt(4, calls);
        ps.setInt(5, limit);
        ps.setInt(6, limit);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** The calls the creator has spent on {@code day}. */
  public int spent(String creatorId, LocalDate day) {
    return tx.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT calls FROM llm_creator_budget WHERE creator_id = ? AND day = ?")) {
        ps.setString(1, creatorId);
        ps.setDate(2, Date.valueOf(day));
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? rs.getInt(1) : 0;
        }
      }
    });
  }
}
