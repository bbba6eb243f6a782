package io.tagcf.models.video;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A hash over the fields that determine a video's tags and embedding. Two uploads with the same
 * fingerprint are the same content, so the second one must not re-run the pipeline.
 */
public final class ContentFingerprint {

  private ContentFingerprint() {}

  public static String of(VideoSubmission v) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
    // Length-prefixed fields: ("ab","c") and ("a","bc") must not collide.
    for (String field :
        new String[] {
          v.creatorId(), v.title(), v.description(), v.transcript(), v.coverText(),
          v.durationSec() == null ? null : Double.toString(v.durationSec()),
          v.language(), v.publishedAt() == null ? null : v.publishedAt().toString()
        }) {
      byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
      sha.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
      sha.update(bytes);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
