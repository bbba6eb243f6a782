package io.tagcf.models.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of key secrets: HMAC-SHA256 under a server-side pepper, so that a copy of the
 * database alone verifies no key. Secrets are high-entropy random strings, so no slow password
 * hash is needed; comparison takes the same time however much of a hash matches.
 */
public final class KeyHasher {

  private static final String ALGORITHM = "HmacSHA256";
  /** The shortest pepper accepted: 32 bytes, as much as the hash it keys. */
  public static final int MIN_PEPPER_BYTES = 32;

  private final SecretKeySpec pepper;

  public KeyHasher(byte[] pepper) {
    if (pepper.length < MIN_PEPPER_BYTES) {
      throw new IllegalArgumentException("the key pepper must have at least " + MIN_PEPPER_BYTES + " bytes");
    }
    this.pepper = new SecretKeySpec(pepper.clone(), ALGORITHM);
  }

  public String hash(String secret) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(pepper);
      return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }

  /** Whether {@code secret} hashes to {@code storedHash}, in time independent of where they differ. */
  public boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public String toString() {
    return "KeyHasher[HmacSHA256, pepper hidden]";
  }
}
