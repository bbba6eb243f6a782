package io.tagcf.store;

import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/** Plain SQL for tests that set up rows or check what a load stored. */
public final class TestSql {

  private TestSql() {}

  public static void execute(DataSource dataSource, String statement) {
    new Transactions(dataSource).inTransaction(c -> {
      try (Statement st = c.createStatement()) {
        st.execute(statement);
      }
      return null;
    });
  }

  /** The first column of the first row, as text. */
  public static String text(DataSource dataSource, String query) {
    return new Transactions(dataSource).read(c -> {
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
        rs.next();
        return rs.getString(1);
      }
    });
  }

  /** The first column of the first row, as a whole number (a count). */
  public static long number(DataSource dataSource, String query) {
    return Long.parseLong(text(dataSource, query));
  }
}
