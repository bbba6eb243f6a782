package io.tagcf.store.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.Transactions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Binary COPY against the real server: what goes in must read back exactly. */
class PgBinaryCopyTest {

  @Test
  void rowsRoundTripThroughTheServer() {
    try (Database db = TestDatabase.fresh()) {
      Transactions tx = new Transactions(db.dataSource());
      String read = tx.inTransaction(c -> {
        try (Statement st = c.createStatement()) {
          st.execute("CREATE TEMP TABLE copy_probe (id bigint, n int, s text, v vector) ON COMMIT DROP");
        }
        PgBinaryCopy rows = new PgBinaryCopy(4);
        rows.startRow().int8(1L << 40).int4(-7).text("家常菜 / home cooking").vector(new float[] {0.5f, -1.25f, 3f});
        rows.startRow().int8(2).int4(0).nullField().vector(new float[] {0f});
        long n = CopyIn.binary(c, "COPY copy_probe FROM STDIN (FORMAT BINARY)", rows);
        assertThat(n).isEqualTo(2);
        return rows(c, "SELECT id, n, s, v::text FROM copy_probe ORDER BY id", 4);
      });
      assertThat(read).isEqualTo("2|0|null|[0]\n1099511627776|-7|家常菜 / home cooking|[0.5,-1.25,3]\n");
    }
  }

  @Test
  void aResetPayloadIsReusedAndGrowsPastItsFirstArray() {
    String longText = "x".repeat(100_000) + "é";
    try (Database db = TestDatabase.fresh()) {
      Transactions tx = new Transactions(db.dataSource());
      String read = tx.inTransaction(c -> {
        try (Statement st = c.createStatement()) {
          st.execute("CREATE TEMP TABLE copy_probe (b boolean, d float8, t timestamptz, j jsonb, s text)"
              + " ON COMMIT DROP");
        }
        PgBinaryCopy rows = new PgBinaryCopy(5);
        rows.startRow().bool(true).float8(1.0).nullField().nullField().text("copied before the reset");
        CopyIn.binary(c, "COPY copy_probe FROM STDIN (FORMAT BINARY)", rows);
        assertThatThrownBy(rows::startRow).isInstanceOf(IllegalStateException.class);
        rows.reset();
        rows.startRow().bool(false).float8(-0.125).timestamptz(Instant.parse("1999-12-31T23:59:59.000001Z"))
            .jsonb("{\"role\": \"学生\"}").text(longText);
        rows.compact();
        rows.startRow().bool(true).float8(2.5e300).timestamptz(Instant.parse("2026-11-30T10:00:00.123456789Z"))
            .jsonb("{}").text("");
        rows.compact();
        assertThat(CopyIn.binary(c, "COPY copy_probe FROM STDIN (FORMAT BINARY)", rows)).isEqualTo(2);
        return rows(c, "SELECT b, d, to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), j->>'role',"
            + " length(s) || right(s, 2) FROM copy_probe ORDER BY d", 5);
      });
      assertThat(read).isEqualTo("f|-0.125|1999-12-31 23:59:59.000001|学生|100001xé\n"
          + "t|1|null|null|23et\n"
          + "t|2.5e+300|2026-11-30 10:00:00.123456|null|0\n");
    }
  }

  private static String rows(Connection c, String query, int columns) throws SQLException {
    StringBuilder sb = new StringBuilder();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }
}
