package io.tagcf.ops.config;

import io.tagcf.gateway.access.RateLimits;
import io.tagcf.models.access.KeyHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Access control's settings: whether keys are required ({@code TAGCF_AUTH}, on unless {@code off});
 * the rate limits per key ({@code TAGCF_RATE_CREATOR} and {@code TAGCF_RATE_SERVICE} requests per
 * second, {@code TAGCF_RATE_UPLOADS} and {@code TAGCF_RATE_SERVICE_UPLOADS} uploads per minute);
 * and the server-side pepper that keys the API keys' hashes: {@code TAGCF_KEY_PEPPER} (at least 32
 * characters), else the file {@code TAGCF_KEY_PEPPER_FILE} (default {@code .cache/key-pepper} in
 * the checkout), made with 32 random bytes and owner-only permissions on first use. Every process
 * that makes or checks keys must see the same pepper; it is never logged.
 */
public record AccessSettings(boolean enabled, String pepper, Path pepperFile, RateLimits.Settings limits) {

  public static AccessSettings from(Map<String, String> env) {
    String home = env.getOrDefault("TAGCF_HOME", ".");
    EnvReader r = new EnvReader(env);
    RateLimits.Settings defaults = RateLimits.Settings.defaults();
    return new AccessSettings(!"off".equalsIgnoreCase(env.getOrDefault("TAGCF_AUTH", "on")), env.get("TAGCF_KEY_PEPPER"),
        Path.of(env.getOrDefault("TAGCF_KEY_PEPPER_FILE", home + "/.cache/key-pepper")),
        new RateLimits.Settings(r.positiveInt("TAGCF_RATE_CREATOR", (int) defaults.creatorPerSecond()),
            r.positiveInt("TAGCF_RATE_SERVICE", (int) defaults.servicePerSecond()),
            r.positiveInt("TAGCF_RATE_UPLOADS", (int) defaults.creatorUploadsPerMinute()),
            r.positiveInt("TAGCF_RATE_SERVICE_UPLOADS", (int) defaults.serviceUploadsPerMinute())));
  }

  /** The hasher under the pepper, reading (or on first use making) the pepper file when none is set. */
  public KeyHasher hasher() {
    if (pepper != null && !pepper.isBlank()) {
      byte[] bytes = pepper.getBytes(StandardCharsets.UTF_8);
      if (bytes.length < KeyHasher.MIN_PEPPER_BYTES) {
        throw new ConfigException("TAGCF_KEY_PEPPER must have at least " + KeyHasher.MIN_PEPPER_BYTES + " characters");
      }
      return new KeyHasher(bytes);
    }
    return new KeyHasher(readOrCreate(pepperFile));
  }

  @Override
  public String toString() {
    return "AccessSettings[auth " + (enabled ? "on" : "off") + ", pepper " + (pepper != null && !pepper.isBlank()
        ? "from TAGCF_KEY_PEPPER" : "in " + pepperFile) + "]";
  }

  private static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] pepper = new byte[32];
        new SecureRandom().nextBytes(pepper);
        try {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Files.writeString(file, Base64.getEncoder().encodeToString(pepper));
        } catch (FileAlreadyExistsException e) {
          // another process made it first: use theirs
        }
      }
      byte[] pepper = Base64.getDecoder().decode(Files.readString(file).strip());
      if (pepper.length < KeyHasher.MIN_PEPPER_BYTES) {
        throw new ConfigException("the key pepper file " + file + " holds fewer than " + KeyHasher.MIN_PEPPER_BYTES
            + " bytes");
      }
      return pepper;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("the key pepper file " + file + " is not base64");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the key pepper file " + file, e);
    }
  }
}
