package io.tagcf.gateway.ranking;

import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.TagScorer;
import io.tagcf.models.ranking.TagScores;
import io.tagcf.models.ranking.UserTagProfile;
import io.tagcf.store.tags.TagSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Scores a user's candidates: one read of the profile, one of the candidates' tags, then
 * {@link TagScorer} per candidate in memory, and one read of the labels the paths name.
 */
public final class CandidateScores {

  private final RankingStore store;

  public CandidateScores(RankingStore store) {
    this.store = store;
  }

  /** The scores in the candidates' order, and how long reading and scoring took. */
  public record Scored(
      String userId, boolean profileFound, List<Candidate> scores, List<String> unknownVideos, Map<Long, TagSummary> tags,
      double readMillis, double scoreMillis) {}

  public record Candidate(String videoId, TagScores scores) {}

  public Scored score(String userId, List<String> candidates) {
    long t0 = System.nanoTime();
    UserTagProfile profile = store.profileOf(userId).orElse(null);
    Map<String, ItemTags> tags = store.itemTags(candidates);
    long t1 = System.nanoTime();
    List<Candidate> scores = new ArrayList<>(candidates.size());
    List<String> unknown = new ArrayList<>();
    Set<Long> named = new TreeSet<>();
    for (String videoId : candidates) {
      ItemTags item = tags.get(videoId);
      if (item == null) {
        unknown.add(videoId);
        continue;
      }
      TagScores s = profile == null ? TagScores.ZERO : TagScorer.score(profile, item);
      if (s.interestPath() != null) {
        named.add(s.interestPath().tagId());
      }
      if (s.logicPath() != null) {
        named.add(s.logicPath().roleId());
        named.add(s.logicPath().itemTagId());
        named.add(s.logicPath().expandedRoleId());
      }
      scores.add(new Candidate(videoId, s));
    }
    long t2 = System.nanoTime();
    Map<Long, TagSummary> labels = named.isEmpty() ? Map.of() : store.findTags(named);
    long t3 = System.nanoTime();
    return new Scored(userId, profile != null, scores, unknown, labels, ((t1 - t0) + (t3 - t2)) / 1e6, (t2 - t1) / 1e6);
  }
}
