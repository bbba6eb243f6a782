package io.tagcf.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreExceptionTest {

  @Test
  void anUnreachableOrOverloadedDatabaseIsUnavailable() {
    assertThat(new StoreException(new SQLException("refused", "08001")).isUnavailable()).isTrue();
    assertThat(new StoreException(new SQLException("terminating connection", "57P01")).isUnavailable()).isTrue();
    assertThat(new StoreException(new SQLException("too many clients", "53300")).isUnavailable()).isTrue();
    assertThat(new StoreException(new SQLTransientConnectionException("pool timed out")).isUnavailable()).isTrue();
    assertThat(new StoreException(new SQLException("canceling statement due to statement timeout", "57014"))
        .isUnavailable()).as("statement_timeout").isTrue();
    SQLException batch = new SQLException("batch entry 0 aborted", "25P02");
    batch.setNextException(new SQLException("I/O error", "08006"));
    assertThat(new StoreException(batch).isUnavailable()).as("the cause behind a batch").isTrue();
  }

  @Test
  void aFailingStatementIsNot() {
    assertThat(new StoreException(new SQLException("duplicate key", "23505")).isUnavailable()).isFalse();
    assertThat(new StoreException(new SQLException("invalid byte sequence", "22021")).isUnavailable()).isFalse();
    assertThat(new StoreException(new SQLException("no state")).isUnavailable()).isFalse();
    assertThat(new StoreException("no snapshot 7").isUnavailable()).isFalse();
  }
}
