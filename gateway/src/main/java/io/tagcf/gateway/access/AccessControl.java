package io.tagcf.gateway.access;

import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import java.util.Objects;

/**
 * Whether requests must present a key, and where keys are looked up. {@link #off()} is for local
 * development only: every request then acts as an admin.
 */
public final class AccessControl {

  /** Who every request is when access control is off. */
  public static final Principal DEVELOPER = new Principal("auth-off", AccessRole.ADMIN, null);

  private final KeyStore keys;

  private AccessControl(KeyStore keys) {
    this.keys = keys;
  }

  public static AccessControl required(KeyStore keys) {
    return new AccessControl(Objects.requireNonNull(keys));
  }

  public static AccessControl off() {
    return new AccessControl(null);
  }

  public boolean enabled() {
    return keys != null;
  }

  KeyStore keys() {
    return keys;
  }
}
