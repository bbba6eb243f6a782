package io.tagcf.store;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
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

  /** The first two columns of every row, as whole numbers: key to value (e.g. tag id to a count). */
  public static Map<Long, Long> longs(DataSource dataSource, String query) {
    return new Transactions(dataSource).read(c -> {
      Map<Long, Long> out = new HashMap<>();
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
        while (rs.next()) {
          out.put(rs.getLong(1), rs.getLong(2));
        }
      }
      return out;
    });
  }
}
