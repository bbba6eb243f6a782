package io.tagcf.store.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.Transactions;
import java.sql.ResultSet;
import java.sql.Statement;
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
        StringBuilder sb = new StringBuilder();
        try (Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("SELECT id, n, s, v::text FROM copy_probe ORDER BY id")) {
          while (rs.next()) {
            sb.append(rs.getLong(1)).append('|').append(rs.getInt(2)).append('|')
                .append(rs.getString(3)).append('|').append(rs.getString(4)).append('\n');
          }
        }
        return sb.toString();
      });
      assertThat(read).isEqualTo("2|0|null|[0]\n1099511627776|-7|家常菜 / home cooking|[0.5,-1.25,3]\n");
    }
  }
}
