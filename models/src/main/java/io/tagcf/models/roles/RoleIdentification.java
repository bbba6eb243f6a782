package io.tagcf.models.roles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * User-role identification (TagCF paper, "route" via audience tags): a user's roles are the
 * audience tags of the videos they engage with, weighted by how strongly and how recently.
 *
 * <pre>
 *   P(role | video) = score(role, video) / Σ_r score(r, video)        (audience tags of the video)
 *   W(u, v)         = Σ_e strength_e · 0.5^(age_e / halfLife)           (u's engagements with v)
 *   P(role | user)  = Σ_v W(u, v) · P(role | v) / Σ_v W(u, v)
 * </pre>
 *
 * W(u, v) arrives computed ({@link EngagedVideo#weight()}, see {@link EngagementWindow}): summing
 * a user's repeated engagements with a video before weighting by its roles changes nothing, so the
 * log is aggregated where it lies and read one row per (user, video). The sums run over the videos
 * with audience tags; the others carry no evidence about roles and are ignored. Duplicate tag ids
 * in a video's list are summed. Only the top-k roles per user are returned, with the probabilities
 * of the full distribution (so they may sum to less than 1), ranked 1..k by probability, ties to the
 * smaller tag id. Users left with no evidence are absent from the result.
 *
 * <p>The rows are read once, one user at a time: they must arrive grouped by user (all of a user's
 * rows together, in any order of users). Memory is one user's roles plus the result, never the log.
 */
public final class RoleIdentification {

  private final int topK;

  public RoleIdentification(int topK) {
    if (topK < 1) {
      throw new IllegalArgumentException("topK must be at least 1: " + topK);
    }
    this.topK = topK;
  }

  /**
   * Roles per user, users in id order, each user's roles by rank.
   *
   * @throws IllegalArgumentException when a user's rows are not together
   */
  public Map<String, List<RoleScore>> identify(Iterator<EngagedVideo> engagedVideos) {
    if (engagedVideos == null) {
      throw new IllegalArgumentException("engagedVideos must not be null");
    }
    Map<String, List<RoleScore>> out = new TreeMap<>();
    Set<String> done = new HashSet<>();
    UserMass user = null;
    while (engagedVideos.hasNext()) {
      EngagedVideo e = engagedVideos.next();
      if (e == null) {
        throw new IllegalArgumentException("engagedVideos must not contain null");
      }
      if (user == null || !user.userId.equals(e.userId())) {
        finish(user, out);
        if (!done.add(e.userId())) {
          throw new IllegalArgumentException("the rows of user " + e.userId() + " are not together");
        }
        user = new UserMass(e.userId());
      }
      user.add(e);
    }
    finish(user, out);
    return out;
  }

  private void finish(UserMass user, Map<String, List<RoleScore>> out) {
    if (user != null && user.total > 0) {
      out.put(user.userId, user.top(topK));
    }
  }

  /** One user's Σ_v W(u, v) · P(role | v) per role and Σ_v W(u, v). */
  private static final class UserMass {
    private final String userId;
    private final Map<Long, Double> mass = new HashMap<>();
    private double total;

    UserMass(String userId) {
      this.userId = userId;
    }

    void add(EngagedVideo e) {
      if (e.tags().isEmpty()) {
        return;
      }
      Map<Long, Double> scores = new HashMap<>();
      double sum = 0;
      for (WeightedTag t : e.tags()) {
        scores.merge(t.tagId(), t.score(), Double::sum);
        sum += t.score();
      }
      double videoTotal = sum;
      total += e.weight();
      scores.forEach((role, s) -> mass.merge(role, e.weight() * (s / videoTotal), Double::sum));
    }

    List<RoleScore> top(int k) {
      List<Map.Entry<Long, Double>> ranked = new ArrayList<>(mass.entrySet());
      ranked.sort(
          Comparator.<Map.Entry<Long, Double>>comparingDouble(Map.Entry::getValue).reversed()
              .thenComparing(Map.Entry::getKey));
      List<RoleScore> out = new ArrayList<>(Math.min(k, ranked.size()));
      for (int i = 0; i < ranked.size() && i < k; i++) {
        double p = Math.min(1.0, ranked.get(i).getValue() / total); // rounding may overshoot 1 by an ulp
        out.add(new RoleScore(ranked.get(i).getKey(), p, i + 1));
      }
      return out;
    }
  }
}
