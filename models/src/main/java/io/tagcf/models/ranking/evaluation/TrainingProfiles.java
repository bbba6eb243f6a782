package io.tagcf.models.ranking.evaluation;

import io.tagcf.models.logic.CoEngagementLogic;
import io.tagcf.models.logic.InMemoryLogicGraph;
import io.tagcf.models.logic.LogicDirection;
import io.tagcf.models.logic.LogicEdge;
import io.tagcf.models.ranking.RoleLogicPaths;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.models.roles.EngagedVideo;
import io.tagcf.models.roles.RoleIdentification;
import io.tagcf.models.roles.RoleScore;
import io.tagcf.models.roles.WeightedTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user profiles of one round, built as the roles workflow builds them from the interaction log
 * but from the round's training histories only: interest P(c | u) and roles P(t | u) by
 * {@link RoleIdentification} over item and audience tags, the statistical logic graph by
 * {@link CoEngagementLogic}, and each user's expansion T(1) with its paths by {@link RoleLogicPaths}.
 */
public final class TrainingProfiles {

  private TrainingProfiles() {}

  /** Graph size and profiles, for the report. */
  public record Built(List<UserTagProfile> profiles, int u2iEdges, int i2uEdges) {}

  /**
   * @param itemScores per item its item tags with the tagger's scores
   * @param audienceScores per item its audience tags with the tagger's scores
   */
  public static Built build(List<UserHistory> training, List<Map<Long, Double>> itemScores,
      List<Map<Long, Double>> audienceScores, ProfileSettings settings) {
    List<EngagedVideo> itemRows = rows(training, itemScores, settings.halfLife());
    List<EngagedVideo> audienceRows = rows(training, audienceScores, settings.halfLife());
    Map<String, List<RoleScore>> interest = new RoleIdentification(settings.interestTags()).identify(itemRows.iterator());
    Map<String, List<RoleScore>> roles = new RoleIdentification(settings.roles()).identify(audienceRows.iterator());
    Map<String, Map<Long, Double>> roleMaps = new HashMap<>();
    roles.forEach((user, scores) -> roleMaps.put(user, asMap(scores)));
    List<LogicEdge> edges = new CoEngagementLogic(settings.smoothing(), settings.minSupport(), settings.topB())
        .fit(roleMaps, itemRows.iterator());
    InMemoryLogicGraph graph = new InMemoryLogicGraph(edges);
    List<UserTagProfile> profiles = new ArrayList<>(training.size());
    for (UserHistory h : training) {
      Map<Long, Double> r = roleMaps.getOrDefault(h.userId(), Map.of());
      Map<Long, Double> i = asMap(interest.getOrDefault(h.userId(), List.of()));
      profiles.add(new UserTagProfile(i, r, RoleLogicPaths.expand(r, graph, settings.delta(), settings.expanded())));
    }
    int u2i = (int) edges.stream().filter(e -> e.direction() == LogicDirection.U2I).count();
    return new Built(profiles, u2i, edges.size() - u2i);
  }

  private static Map<Long, Double> asMap(List<RoleScore> scores) {
    Map<Long, Double> m = new LinkedHashMap<>();
    scores.forEach(s -> m.put(s.tagId(), s.probability()));
    return m;
  }

  /** One row per (user, item), users in order: W(u, i) = Σ over the user's interactions with i of 0.5^(age / halfLife). */
  private static List<EngagedVideo> rows(List<UserHistory> training, List<Map<Long, Double>> tags, double halfLife) {
    List<EngagedVideo> rows = new ArrayList<>();
    for (UserHistory h : training) {
      if (h.size() == 0) {
        continue;
      }
      double now = h.times()[h.size() - 1];
      Map<Integer, double[]> perItem = new TreeMap<>();
      for (int a = 0; a < h.size(); a++) {
        double[] acc = perItem.computeIfAbsent(h.items()[a], k -> new double[2]);
        acc[0] += Math.pow(0.5, (now - h.times()[a]) / halfLife);
        acc[1] += 1;
      }
      perItem.forEach((item, acc) -> {
        List<WeightedTag> weighted = new ArrayList<>();
        tags.get(item).forEach((tag, score) -> weighted.add(new WeightedTag(tag, score)));
        rows.add(new EngagedVideo(h.userId(), "i" + item, (long) acc[1], Math.max(acc[0], Double.MIN_NORMAL), weighted));
      });
    }
    return rows;
  }
}
