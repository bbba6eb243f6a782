package io.tagcf.store;

/**
 * The integration tests' own database ({@code tagcf_test}, created by
 * {@code ops/scripts/setup-postgres.sh}), emptied before each use so that tests never see each
 * other's rows and never touch the demo's {@code tagcf} database.
 */
public final class TestDatabase {

  private static final String URL_PROPERTY = "tagcf.test.database.url";

  private TestDatabase() {}

  public static DatabaseUrl url() {
    String url = System.getProperty(URL_PROPERTY);
    if (url == null) {
      url = System.getenv().getOrDefault("TAGCF_TEST_DATABASE_URL",
          "postgresql://127.0.0.1:5432/tagcf_test?user=postgres");
    }
    return DatabaseUrl.parse(url);
  }

  /**
   * Opens (and migrates) the test database with every table emptied, but for the labelled
   * exemplars: the bundled reference takes seconds to embed, and workers load it once per database.
   */
  public static Database fresh() {
    Database db = Database.open(url(), 8);
    truncate(db);
    return db;
  }

  public static void truncate(Database db) {
    new Transactions(db.dataSource()).inTransaction(c -> {
      try (var st = c.createStatement()) {
        st.execute(
            "TRUNCATE videos, ingest_state, video_tags, video_embeddings, tag_embeddings, tags,"
                + " vocabulary_versions, cover_set_versions, cover_set_members,"
                + " user_roles, logic_edges, users, exposures, effect_snapshots, api_keys RESTART IDENTITY CASCADE");
      }
      return null;
    });
  }
}
