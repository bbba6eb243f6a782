package io.tagcf.models.roles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * User-role identification (TagCF paper, "route" via audience tags): a user's roles are the
 * audience tags of the videos they engage with, weighted by how strongly and how recently.
 *
 * <pre>
 *   P(role | video) = score(role, video) / Σ_r score(r, video)        (audience tags of the video)
 *   w_e             = strength_e · 0.5^(age_e / halfLife)              (age = now − at, at least 0)
 *   P(role | user)  = Σ_e w_e · P(role | video_e) / Σ_e w_e
 * </pre>
 *
 * The sums run over the user's engagements with videos that have audience tags; the others carry
 * no evidence about roles and are ignored. Repeated engagements with one video count each time.
 * Duplicate tag ids in a video's list are summed. Only the top-k roles per user are returned, with
 * the probabilities of the full distribution (so they may sum to less than 1), ranked 1..k by
 * probability, ties to the smaller tag id. Users left with no evidence are absent from the result.
 *
 * <p>The decay is applied relative to each user's newest engagement: the ratio of weights is all
 * that matters, and it keeps a user whose engagements are all many half-lives old from underflowing
 * to zero weight (and a 0/0).
 */
public final class RoleIdentification {

  private final double halfLifeSeconds;
  private final int topK;

  public RoleIdentification(Duration halfLife, int topK) {
    if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
      throw new IllegalArgumentException("halfLife must be a positive duration: " + halfLife);
    }
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1: " + topK);
    }
    this.halfLifeSeconds = seconds(halfLife);
    this.topK = topK;
  }

  /** Roles per user, users in id order, each user's roles by rank. */
  public Map<String, List<RoleScore>> identify(
      Collection<Engagement> engagements, Map<String, List<WeightedTag>> audienceTagsByVideo, Instant now) {
    if (engagements == null) {
      throw new IllegalArgumentException("engagements must not be null");
    }
    if (audienceTagsByVideo == null) {
      throw new IllegalArgumentException("audienceTagsByVideo must not be null");
    }
    if (now == null) {
      throw new IllegalArgumentException("now is required");
    }
    Map<String, Map<Long, Double>> roleGivenVideo = new HashMap<>();
    Map<String, List<Evidence>> byUser = new TreeMap<>();
    for (Engagement e : engagements) {
      if (e == null) {
        throw new IllegalArgumentException("engagements must not contain null");
      }
      Map<Long, Double> roles = roleGivenVideo.computeIfAbsent(e.videoId(), v -> normalised(v, audienceTagsByVideo));
      if (roles.isEmpty()) {
        continue;
      }
      double age = Math.max(0, seconds(Duration.between(e.at(), now)));
      byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(new Evidence(e.strength(), age, roles));
    }
    Map<String, List<RoleScore>> out = new LinkedHashMap<>();
    byUser.forEach((user, evidence) -> out.put(user, roles(evidence)));
    return out;
  }

  private List<RoleScore> roles(List<Evidence> evidence) {
    double newest = evidence.stream().mapToDouble(Evidence::ageSeconds).min().orElseThrow();
    Map<Long, Double> mass = new HashMap<>();
    double total = 0;
    for (Evidence ev : evidence) {
      double w = ev.strength() * Math.pow(0.5, (ev.ageSeconds() - newest) / halfLifeSeconds);
      total += w;
      ev.roles().forEach((role, p) -> mass.merge(role, w * p, Double::sum));
    }
    // total > 0: the newest engagement has weight = its strength > 0.
    double sum = total;
    List<Map.Entry<Long, Double>> ranked = new ArrayList<>(mass.entrySet());
    ranked.sort(
        Comparator.<Map.Entry<Long, Double>>comparingDouble(Map.Entry::getValue).reversed()
            .thenComparing(Map.Entry::getKey));
    List<RoleScore> out = new ArrayList<>(Math.min(topK, ranked.size()));
    for (int i = 0; i < ranked.size() && i < topK; i++) {
      double p = Math.min(1.0, ranked.get(i).getValue() / sum); // rounding may overshoot 1 by an ulp
      out.add(new RoleScore(ranked.get(i).getKey(), p, i + 1));
    }
    return out;
  }

  private static Map<Long, Double> normalised(String videoId, Map<String, List<WeightedTag>> audienceTagsByVideo) {
    List<WeightedTag> tags = audienceTagsByVideo.get(videoId);
    if (tags == null || tags.isEmpty()) {
      return Map.of();
    }
    Map<Long, Double> scores = new HashMap<>();
    double total = 0;
    for (WeightedTag t : tags) {
      if (t == null) {
        throw new IllegalArgumentException("audience tags of video " + videoId + " contain null");
      }
      scores.merge(t.tagId(), t.score(), Double::sum);
      total += t.score();
    }
    double sum = total;
    scores.replaceAll((tag, s) -> s / sum);
    return scores;
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }

  private record Evidence(double strength, double ageSeconds, Map<Long, Double> roles) {}
}
