package io.tagcf.ops.runtime.gateway;

import io.tagcf.gateway.access.KeyStore;
import io.tagcf.models.access.ApiKeyFormat;
import io.tagcf.models.access.KeyHasher;
import io.tagcf.models.access.Principal;
import io.tagcf.store.access.ApiKeyRepository;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The gateway's keys in PostgreSQL: the token's key id finds the stored key; its secret must hash
 * to the stored hash (compared in constant time), and the key must not be revoked.
 */
public final class JdbcKeyStore implements KeyStore {

  private final ApiKeyRepository keys;
  private final KeyHasher hasher;

  public JdbcKeyStore(DataSource dataSource, KeyHasher hasher) {
    this.keys = new ApiKeyRepository(dataSource);
    this.hasher = hasher;
  }

  @Override
  public Optional<Principal> principal(String token) {
    return ApiKeyFormat.parse(token)
        .flatMap(presented -> keys.find(presented.keyId())
            .filter(stored -> !stored.revoked() && hasher.matches(presented.secret(), stored.secretHash()))
            .map(stored -> new Principal(stored.keyId(), stored.role(), stored.creatorId())));
  }
}
