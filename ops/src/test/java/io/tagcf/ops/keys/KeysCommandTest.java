package io.tagcf.ops.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import io.tagcf.ops.config.AccessSettings;
import io.tagcf.ops.runtime.gateway.JdbcKeyStore;
import io.tagcf.ops.tools.CommandRun;
import io.tagcf.store.Database;
import io.tagcf.store.TestDatabase;
import io.tagcf.store.TestSql;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tagcf keys} in-process against the test database: keys are shown once and stored as keyed
 * hashes, and the gateway's key store accepts exactly the valid ones.
 */
class KeysCommandTest {
  private static Database db;
  @TempDir static Path dir;
  private static Map<String, String> env;

  @BeforeAll
  static void open() {
    db = TestDatabase.fresh();
    var url = TestDatabase.url();
    env = Map.of("DATABASE_URL", url.jdbcUrl() + (url.jdbcUrl().contains("?") ? "&" : "?") + "user=" + url.user(),
        "TAGCF_KEY_PEPPER_FILE", dir.resolve("pepper").toString());
  }

  @AfterAll
  static void close() {
    TestDatabase.truncate(db);
    db.close();
  }

  private static JdbcKeyStore store(Map<String, String> environment) {
    return new JdbcKeyStore(db.dataSource(), AccessSettings.from(environment).hasher());
  }

  @Test
  void aCreatorKeyIsShownOnceStoredAsAKeyedHashAndActsForItsCreator() throws Exception {
    CommandRun add = CommandRun.of(env, "keys", "add", "--creator", "c-42", "--label", "studio laptop");

    assertThat(add.exitCode()).as(add.err()).isZero();
    String key = add.lastOutLine();
    assertThat(key).matches("tcf_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
    String keyId = key.substring(4, 16);
    String stored = TestSql.text(db.dataSource(), "SELECT secret_hash FROM api_keys WHERE key_id = '" + keyId + "'");
    assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(key.substring(17));
    assertThat(store(env).principal(key)).contains(new Principal(keyId, AccessRole.CREATOR, "c-42"));
    // One character off, or the same key under another pepper: no principal.
    assertThat(store(env).principal(key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A"))).isEmpty();
    assertThat(store(Map.of("TAGCF_KEY_PEPPER", "another pepper of at least thirty-two characters")).principal(key))
        .isEmpty();
    assertThat(Files.getPosixFilePermissions(dir.resolve("pepper")))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    CommandRun list = CommandRun.of(env, "keys", "list", "--creator", "c-42");
    assertThat(list.out()).contains(keyId, "creator", "c-42", "studio laptop").doesNotContain(key.substring(17));
  }

  @Test
  void aRotatedKeyIsReplacedAndARevokedOneStopsWorking() {
    String old = CommandRun.of(env, "keys", "add", "--role", "service", "--label", "ranker").lastOutLine();
    String oldId = old.substring(4, 16);

    CommandRun rotate = CommandRun.of(env, "keys", "rotate", oldId);
    assertThat(rotate.exitCode()).as(rotate.err()).isZero();
    String fresh = rotate.lastOutLine();
    assertThat(store(env).principal(old)).isEmpty();
    assertThat(store(env).principal(fresh)).map(Principal::role).contains(AccessRole.SERVICE);
    assertThat(CommandRun.of(env, "keys", "list").out()).contains("rotated to " + fresh.substring(4, 16));

    assertThat(CommandRun.of(env, "keys", "revoke", fresh.substring(4, 16)).exitCode()).isZero();
    assertThat(store(env).principal(fresh)).isEmpty();
    CommandRun.of(env, "keys", "revoke", fresh.substring(4, 16)).assertOneLineError(1, "no valid key");
    CommandRun.of(env, "keys", "rotate", oldId).assertOneLineError(1, "no valid key");
  }

  @Test
  void badArgumentsAreOneLineErrorsAndStoreNothing() {
    long before = TestSql.number(db.dataSource(), "SELECT count(*) FROM api_keys");
    CommandRun.of(env, "keys", "add", "--label", "x").assertOneLineError(2, "a creator key needs --creator");
    CommandRun.of(env, "keys", "add", "--role", "admin", "--creator", "c-1", "--label", "x")
        .assertOneLineError(2, "only a creator key names a creator");
    CommandRun.of(env, "keys", "add", "--role", "root", "--label", "x").assertOneLineError(2, "--role");
    CommandRun.of(env, "keys", "add", "--creator", "c 1", "--label", "x").assertOneLineError(2, "--creator");
    assertThat(TestSql.number(db.dataSource(), "SELECT count(*) FROM api_keys")).isEqualTo(before);
  }
}
