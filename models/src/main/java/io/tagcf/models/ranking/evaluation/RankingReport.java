package io.tagcf.models.ranking.evaluation;

import java.util.List;

/**
 * What one evaluation found. Test figures are means over {@code testUsers}; the lifts are relative
 * to the base with the bootstrap interval over users. {@code tagsAloneTest} ranks by ŷ_tag0 alone
 * (util's half-life, no base): a diagnostic of what the tags know, not a contender.
 */
public record RankingReport(
    String dataset, int users, int items, long interactions,
    List<Candidate> baseCandidates, String base,
    Blend util, Blend expl,
    int tunedOn, int testUsers, int skippedRepeats,
    int u2iEdges, int i2uEdges, double usersWithInterest, double usersWithExpansion,
    Metrics baseTest, Metrics utilTest, Metrics explTest, Metrics tagsAloneTest, LiftInterval utilLift, LiftInterval explLift,
    LiftInterval explRecallLift) {

  /** A base recommender's NDCG@10 on the validation round. */
  public record Candidate(String name, double validationNdcg) {}

  /** β0, β1 and the profiles' half-life chosen on the validation round, and the validation NDCG@10 they reached. */
  public record Blend(double beta0, double beta1, double halfLife, double validationNdcg) {}

  public record Metrics(double ndcg, double recall, double coverage) {}
}
