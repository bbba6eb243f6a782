package io.tagcf.gateway.access;

import io.tagcf.models.access.Principal;
import java.util.Optional;

/** Who a presented API key acts for: the gateway's port to the stored keys. Blocking. */
public interface KeyStore {

  /**
   * @param token the bearer token as presented
   * @return the key's principal; empty when the token is not a key, the key is unknown or revoked,
   *     or its secret does not match (one answer for all, so that none can be told apart)
   */
  Optional<Principal> principal(String token);
}
