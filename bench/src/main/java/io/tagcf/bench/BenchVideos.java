package io.tagcf.bench;

import io.tagcf.ops.demo.SetupScript;
import io.tagcf.store.Database;
import io.tagcf.store.DatabaseUrl;
import io.tagcf.store.Transactions;
import java.io.IOException;

/** The database of a benchmark that uploads videos: set up if needed, with no videos left from a run before. */
final class BenchVideos {

  private BenchVideos() {}

  static DatabaseUrl emptied(String database) throws IOException, InterruptedException {
    DatabaseUrl url = DatabaseUrl.parse(database);
    SetupScript.runFor(url);
    try (Database db = Database.open(url, 2)) {
      new Transactions(db.dataSource()).inTransaction(c -> {
        c.createStatement().execute("TRUNCATE videos CASCADE");
        return null;
      });
    }
    return url;
  }
}
