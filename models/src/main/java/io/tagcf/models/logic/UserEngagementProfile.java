package io.tagcf.models.logic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What co-engagement statistics need about one user: their role distribution P(t | u) (possibly
 * cut to the top roles, so it may sum to less than 1) and, per engaged video, the weights of that
 * video's item tags (e.g. tag score × engagement weight).
 */
public record UserEngagementProfile(
    String userId, Map<Long, Double> roleProbabilities, List<Map<Long, Double>> engagedItemTags) {
  public UserEngagementProfile {
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId is required");
    }
    if (roleProbabilities == null) {
      throw new IllegalArgumentException("roleProbabilities of user " + userId + " must not be null");
    }
    roleProbabilities.forEach((tag, p) -> {
      if (tag == null || p == null || !(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException(
            "role probability of user " + userId + " must be in [0, 1]: " + tag + " -> " + p);
      }
    });
    if (engagedItemTags == null) {
      throw new IllegalArgumentException("engagedItemTags of user " + userId + " must not be null");
    }
    List<Map<Long, Double>> copy = new ArrayList<>(engagedItemTags.size());
    for (Map<Long, Double> video : engagedItemTags) {
      if (video == null) {
        throw new IllegalArgumentException("engagedItemTags of user " + userId + " contain null");
      }
      video.forEach((tag, w) -> {
        if (tag == null || w == null || !(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException(
              "item tag weight of user " + userId + " must be finite and non-negative: " + tag + " -> " + w);
        }
      });
      copy.add(Map.copyOf(video));
    }
    roleProbabilities = Map.copyOf(roleProbabilities);
    engagedItemTags = List.copyOf(copy);
  }
}
