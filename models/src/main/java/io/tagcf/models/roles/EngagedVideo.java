package io.tagcf.models.roles;

import java.util.List;

/**
 * A user's engagements with one video, summed: the row that role identification and the
 * statistical logic graph read from the interaction log, one per (user, video).
 *
 * @param engagements how many engagements the row sums (at least 1)
 * @param weight Σ strength · recency decay over those engagements (see {@link EngagementWindow})
 * @param tags the video's tags of the kind the reader asked for, with their scores; empty when the
 *     video has none, in which case the row carries no evidence
 */
public record EngagedVideo(String userId, String videoId, long engagements, double weight, List<WeightedTag> tags) {
  public EngagedVideo {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("engaged video's userId is required");
    }
    if (videoId == null || videoId.isBlank()) {
      throw new IllegalArgumentException("engaged video's videoId is required");
    }
    if (engagements < 1) {
      throw new IllegalArgumentException("engagements of " + userId + " with " + videoId + " must be at least 1: "
          + engagements);
    }
    // A zero weight would carry no evidence, and a user whose every row had one would divide 0 by 0.
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("weight of " + userId + " with " + videoId + " must be positive and finite: "
          + weight);
    }
    if (tags == null || tags.stream().anyMatch(t -> t == null)) {
      throw new IllegalArgumentException("tags of video " + videoId + " must be a list without nulls");
    }
    tags = List.copyOf(tags);
  }
}
