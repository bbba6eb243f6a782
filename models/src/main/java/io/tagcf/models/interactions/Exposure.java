package io.tagcf.models.interactions;

import java.time.Instant;

/**
 * One exposure of a video to a user, with what the user did: the row of the interaction log every
 * effect estimate is computed from.
 *
 * @param eventId the producer's id of the event: loading the same event twice stores it once
 * @param watchRatio watched time over video length (above 1 when the user watched it again)
 * @param exploration the exposure came from random-exploration traffic (the recommender did not
 *     choose it), which makes it usable as an instrument
 * @param position the slot in the feed, or null when unknown
 */
public record Exposure(
    String eventId,
    String userId,
    String videoId,
    Instant exposedAt,
    boolean clicked,
    double watchRatio,
    boolean completed,
    boolean liked,
    boolean exploration,
    Integer position) {

  /** Longest id accepted: ids are keys, not payloads. */
  public static final int MAX_ID_LENGTH = 128;

  public Exposure {
    requireId("event_id", eventId);
    requireId("user_id", userId);
    requireId("video_id", videoId);
    if (exposedAt == null) {
      throw new IllegalArgumentException("exposed_at must be given");
    }
    if (!Double.isFinite(watchRatio) || watchRatio < 0) {
      throw new IllegalArgumentException("watch_ratio must be a finite number >= 0 (got " + watchRatio + ")");
    }
    if (position != null && position < 0) {
      throw new IllegalArgumentException("position must be >= 0 (got " + position + ")");
    }
  }

  static void requireId(String field, String id) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(field + " is longer than " + MAX_ID_LENGTH + " characters");
    }
  }
}
