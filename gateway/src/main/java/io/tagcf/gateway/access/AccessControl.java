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
  private final RateLimits.Settings limits;

  private AccessControl(KeyStore keys, RateLimits.Settings limits) {
    this.keys = keys;
    this.limits = limits;
  }

  public static AccessControl required(KeyStore keys, RateLimits.Settings limits) {
    return new AccessControl(Objects.requireNonNull(keys), Objects.requireNonNull(limits));
  }

  /** No keys, no limits: every request acts as {@link #DEVELOPER}. */
  public static AccessControl off() {
    return new AccessControl(null, null);
  }

  public boolean enabled() {
    return keys != null;
  }

  KeyStore keys() {
    return keys;
  }

  RateLimits.Settings limits() {
    return limits;
  }
}
