package io.tagcf.models.roles;

import java.time.Instant;

/**
 * One engagement of a user with a video. {@code strength} grades it (e.g. a completion counts
 * more than a click); it must be positive, since a zero-strength engagement carries no evidence.
 */
public record Engagement(String userId, String videoId, double strength, Instant at) {
  public Engagement {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("engagement userId is required");
    }
    if (videoId == null || videoId.isBlank()) {
      throw new IllegalArgumentException("engagement videoId is required");
    }
    if (!(strength > 0) || Double.isInfinite(strength)) {
      throw new IllegalArgumentException("engagement strength must be positive and finite: " + strength);
    }
    if (at == null) {
      throw new IllegalArgumentException("engagement time 'at' is required");
    }
  }
}
