package io.tagcf.models.ranking;

/**
 * The TagCF scores of one (user, item) pair and the paths that explain them.
 *
 * @param tag0 ŷ_tag0 = Σ_c P(c | u) · P(c | i) over item tags
 * @param tag1 ŷ_tag1 = Σ_{t′ ∈ T(1)} P(t′ | u) · P(t′ | i) over the expanded roles
 * @param interestPath the item tag with the largest term of ŷ_tag0; null when ŷ_tag0 = 0
 * @param logicPath the expanded role with the largest term of ŷ_tag1, with its path; null when ŷ_tag1 = 0
 */
public record TagScores(double tag0, double tag1, InterestPath interestPath, LogicPath logicPath) {

  public static final TagScores ZERO = new TagScores(0, 0, null, null);

  /** ŷ_base + β0 · ŷ_tag0 + β1 · ŷ_tag1, the paper's ranking score. */
  public double blended(double base, double beta0, double beta1) {
    return base + beta0 * tag0 + beta1 * tag1;
  }

  /** The user's interest in item tag {@code tagId} matched the item: P(c | u) · P(c | i) = {@code contribution}. */
  public record InterestPath(long tagId, double contribution) {}

  /**
   * The user's role {@code roleId} points at item tag {@code itemTagId}, which points at role
   * {@code expandedRoleId}, one of the item's audience tags: P(t′ | u) · P(t′ | i) = {@code contribution}.
   */
  public record LogicPath(long roleId, long itemTagId, long expandedRoleId, double contribution) {}
}
