package io.tagcf.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pool's limits reach PostgreSQL and its failures read as "unavailable", not as bugs. */
class DatabasePoolTest {

  @Test
  void aStatementOverTheLimitIsCancelledAndReadsAsUnavailable() throws SQLException {
    PoolSettings settings = new PoolSettings("limited", 2, Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ZERO);
    try (Database db = Database.open(TestDatabase.url(), settings);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("200ms");
      }
      SQLException cancelled = catchSql(() -> st.execute("SELECT pg_sleep(2)"));
      assertThat(cancelled.getSQLState()).isEqualTo("57014");
      assertThat(new StoreException(cancelled).isUnavailable()).isTrue();
    }
  }

  @Test
  void aToolPoolHasNoStatementLimit() throws SQLException {
    try (Database db = Database.open(TestDatabase.url(), 2);
        Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW statement_timeout")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("0");
    }
  }

  @Test
  void anExhaustedPoolAnswersWithinItsTimeoutAsUnavailable() throws SQLException {
    PoolSettings settings = new PoolSettings("tiny", 2, Duration.ofMillis(300), Duration.ZERO, Duration.ZERO);
    try (Database db = Database.open(TestDatabase.url(), settings);
        Connection held = db.dataSource().getConnection();
        Connection alsoHeld = db.dataSource().getConnection()) {
      long start = System.nanoTime();
      SQLException timedOut = catchSql(() -> db.dataSource().getConnection().close());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(new StoreException(timedOut).isUnavailable()).isTrue();
      assertThat(held.isValid(1) && alsoHeld.isValid(1)).isTrue();
    }
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new PoolSettings("x", 0, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("pool size must be at least 1");
    assertThatThrownBy(() -> new PoolSettings("x", 2, Duration.ofMillis(100), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("connection timeout");
    assertThatThrownBy(() -> new PoolSettings("x", 2, Duration.ofSeconds(1), Duration.ofSeconds(-1), Duration.ZERO))
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> new PoolSettings(" ", 2, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("name");
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static SQLException catchSql(SqlAction action) {
    try {
      action.run();
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("expected an SQLException");
  }
}
