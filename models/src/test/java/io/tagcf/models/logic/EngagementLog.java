package io.tagcf.models.logic;

import io.tagcf.models.roles.EngagedVideo;
import io.tagcf.models.roles.WeightedTag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What {@link CoEngagementLogic} reads, written as the tests think of it: each user's role
 * distribution and, per engaged video, the weights a(v, c) of its item tags (tag scores with the
 * engagement weight W(u, v) = 1).
 */
final class EngagementLog {

  private final Map<String, Map<Long, Double>> roles = new LinkedHashMap<>();
  private final List<EngagedVideo> rows = new ArrayList<>();

  EngagementLog user(String id, Map<Long, Double> roleProbabilities, List<Map<Long, Double>> videos) {
    roles.put(id, roleProbabilities);
    for (Map<Long, Double> video : videos) {
      rows.add(row(id, "v" + rows.size(), 1, video));
    }
    return this;
  }

  static EngagedVideo row(String user, String video, double weight, Map<Long, Double> tagScores) {
    List<WeightedTag> tags = new ArrayList<>();
    tagScores.forEach((tag, score) -> tags.add(new WeightedTag(tag, score)));
    return new EngagedVideo(user, video, 1, weight, tags);
  }

  Map<String, Map<Long, Double>> roles() {
    return roles;
  }

  List<EngagedVideo> rows() {
    return rows;
  }

  List<LogicEdge> fit(CoEngagementLogic logic) {
    return logic.fit(roles, rows.iterator());
  }

  /** The same rows in a random order, users' rows no longer together. */
  List<EngagedVideo> shuffledRows(long seed) {
    List<EngagedVideo> out = new ArrayList<>(rows);
    Collections.shuffle(out, new Random(seed));
    return out;
  }
}
