package io.tagcf.store.access;

import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.ApiKeyFormat;
import io.tagcf.models.access.KeyHasher;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Makes keys and stores their hashes: the one place a key's secret exists in the clear, handed to
 * the caller to show once.
 */
public final class KeyIssuer {

  private final ApiKeyRepository keys;
  private final KeyHasher hasher;
  private final SecureRandom random = new SecureRandom();

  public KeyIssuer(ApiKeyRepository keys, KeyHasher hasher) {
    this.keys = keys;
    this.hasher = hasher;
  }

  /**
   * @param creatorId required for a creator key, refused for the others
   * @return the whole key, to show once
   * @throws IllegalArgumentException when the creator does not fit the role
   */
  public String add(AccessRole role, String creatorId, String label) {
    if ((role == AccessRole.CREATOR) != (creatorId != null)) {
      throw new IllegalArgumentException(role == AccessRole.CREATOR ? "a creator key needs --creator"
          : "only a creator key names a creator (--creator)");
    }
    ApiKeyFormat.Issued key = ApiKeyFormat.generate(random);
    keys.add(key.keyId(), hasher.hash(key.secret()), role, creatorId, label);
    return key.key();
  }

  /** A new key in place of a valid one; empty when there is no such valid key. */
  public Optional<Rotated> rotate(String keyId) {
    ApiKeyFormat.Issued key = ApiKeyFormat.generate(random);
    return keys.rotate(keyId, key.keyId(), hasher.hash(key.secret())).map(old -> new Rotated(old, key.key()));
  }

  /** The key that was replaced, and the whole new key, to show once. */
  public record Rotated(StoredKey old, String key) {
    @Override
    public String toString() {
      return "Rotated[" + old.keyId() + "]";
    }
  }
}
