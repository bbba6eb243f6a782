package io.tagcf.store.access;

import io.tagcf.models.access.AccessRole;
import java.time.Instant;

/**
 * A stored API key: everything but its secret, of which only the keyed hash is kept.
 *
 * @param creatorId the creator of a creator key; null otherwise
 * @param revokedAt null while the key is valid
 * @param replacedBy the key that replaced it by rotation; null otherwise
 */
public record StoredKey(String keyId, String secretHash, AccessRole role, String creatorId, String label,
    Instant createdAt, Instant revokedAt, String replacedBy) {

  public boolean revoked() {
    return revokedAt != null;
  }

  @Override
  public String toString() {
    return "StoredKey[" + keyId + ", " + role.wireName() + (creatorId == null ? "" : " " + creatorId) + ", " + label
        + (revoked() ? ", revoked" : "") + "]";
  }
}
