package io.tagcf.models.access;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form of an API key: {@code tcf_<key id>_<secret>}. The key id (12 hex digits) names the
 * stored key, so a lookup never compares secrets; the secret is 32 random bytes (256 bits), shown
 * once and stored only as its keyed hash ({@link KeyHasher}).
 */
public final class ApiKeyFormat {

  private static final Pattern KEY = Pattern.compile("tcf_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
  private static final int SECRET_BYTES = 32;

  /** A key as generated: its id and secret, and the whole key to hand out once. */
  public record Issued(String keyId, String secret) {
    public String key() {
      return "tcf_" + keyId + "_" + secret;
    }

    @Override
    public String toString() {
      return "Issued[" + keyId + "]";
    }
  }

  /** A key as presented: its id and secret. */
  public record Presented(String keyId, String secret) {
    @Override
    public String toString() {
      return "Presented[" + keyId + "]";
    }
  }

  private ApiKeyFormat() {}

  public static Issued generate(SecureRandom random) {
    byte[] id = new byte[6];
    random.nextBytes(id);
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new Issued(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The key in a presented token; empty when it is not of the key's form. */
  public static Optional<Presented> parse(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Matcher m = KEY.matcher(token);
    return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
  }
}
