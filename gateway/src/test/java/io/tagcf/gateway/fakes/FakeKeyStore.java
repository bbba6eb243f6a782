package io.tagcf.gateway.fakes;

import io.tagcf.gateway.access.KeyStore;
import io.tagcf.models.access.AccessRole;
import io.tagcf.models.access.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keys by their whole token: an admin, a service and two creators' keys, and any added later. */
public final class FakeKeyStore implements KeyStore {

  public static final String ADMIN = "tcf_00000000000a_admin";
  public static final String SERVICE = "tcf_00000000000b_service";
  public static final String CREATOR_1 = "tcf_000000000c01_creator-one";
  public static final String CREATOR_2 = "tcf_000000000c02_creator-two";

  private final CallingThreads threads;
  private final Map<String, Principal> keys = new ConcurrentHashMap<>();

  public FakeKeyStore(CallingThreads threads) {
    this.threads = threads;
    keys.put(ADMIN, new Principal("00000000000a", AccessRole.ADMIN, null));
    keys.put(SERVICE, new Principal("00000000000b", AccessRole.SERVICE, null));
    keys.put(CREATOR_1, new Principal("000000000c01", AccessRole.CREATOR, "c-1"));
    keys.put(CREATOR_2, new Principal("000000000c02", AccessRole.CREATOR, "c-2"));
  }

  public void revoke(String token) {
    keys.remove(token);
  }

  @Override
  public Optional<Principal> principal(String token) {
    threads.record("keys.principal");
    return Optional.ofNullable(keys.get(token));
  }
}
