package io.tagcf.store.access;

import io.tagcf.models.access.AccessRole;
import io.tagcf.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Stored API keys: add, find, list, revoke, and rotate (a new key replacing an old one in one step). */
public final class ApiKeyRepository {

  private static final String COLUMNS =
      "key_id, secret_hash, role, creator_id, label, created_at, revoked_at, replaced_by";

  private final Transactions tx;

  public ApiKeyRepository(DataSource dataSource) {
    this.tx = new Transactions(dataSource);
  }

  public void add(String keyId, String secretHash, AccessRole role, String creatorId, String label) {
    tx.inTransaction(c -> {
      insert(c, keyId, secretHash, role, creatorId, label);
      return null;
    });
  }

  public Optional<StoredKey> find(String keyId) {
    return tx.read(c -> find(c, keyId));
  }

  /** Every key, newest first; of one creator's only when {@code creatorId} is not null. */
  public List<StoredKey> list(String creatorId) {
    return tx.read(c -> {
      List<StoredKey> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys"
          + " WHERE (?::text IS NULL OR creator_id = ?) ORDER BY created_at DESC, key_id")) {
        ps.setString(1, creatorId);
        ps.setString(2, creatorId);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(row(rs));
          }
        }
      }
      return out;
    });
  }

  /** Revokes a valid key; false when there is no such key or it is revoked already. */
  public boolean revoke(String keyId) {
    return tx.inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_keys SET revoked_at = now() WHERE key_id = ? AND revoked_at IS NULL")) {
        ps.setString(1, keyId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /**
   * Replaces a valid key by a new one with its role, creator and label, revoking the old one, in
   * one transaction.
   *
   * @return the old key; empty when there is no such valid key (nothing is written then)
   */
  public Optional<StoredKey> rotate(String keyId, String newKeyId, String newSecretHash) {
    return tx.inTransaction(c -> {
      Optional<StoredKey> old = find(c, keyId).filter(k -> !k.revoked());
      if (old.isEmpty()) {
        return Optional.empty();
      }
      insert(c, newKeyId, newSecretHash, old.get().role(), old.get().creatorId(), old.get().label());
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_keys SET revoked_at = now(), replaced_by = ? WHERE key_id = ?")) {
        ps.setString(1, newKeyId);
        ps.setString(2, keyId);
        ps.executeUpdate();
      }
      return old;
    });
  }

  private static void insert(Connection c, String keyId, String secretHash, AccessRole role, String creatorId,
      String label) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_keys (key_id, secret_hash, role, creator_id, label)"
        + " VALUES (?, ?, ?, ?, ?)")) {
      ps.setString(1, keyId);
      ps.setString(2, secretHash);
      ps.setString(3, role.wireName());
      ps.setString(4, creatorId);
      ps.setString(5, label);
      ps.executeUpdate();
    }
  }

  private static Optional<StoredKey> find(Connection c, String keyId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE key_id = ?")) {
      ps.setString(1, keyId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  private static StoredKey row(ResultSet rs) throws SQLException {
    Timestamp revoked = rs.getTimestamp(7);
    return new StoredKey(rs.getString(1), rs.getString(2), AccessRole.fromWireName(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getTimestamp(6).toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString(8));
  }
}
