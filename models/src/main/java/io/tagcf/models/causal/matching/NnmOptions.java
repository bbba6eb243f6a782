package io.tagcf.models.causal.matching;

/**
 * Parameters of {@link CovariateMatching}.
 *
 * @param neighbours k of 1:k matching
 * @param matchingWorkBudget matching stops adding query rows once this many coordinate
 *     comparisons were spent (it then reports a subsample)
 * @param varianceNeighbours J of the Abadie-Imbens conditional-variance matching
 */
public record NnmOptions(int neighbours, long matchingWorkBudget, int varianceNeighbours) {
  /**
   * 2e9 coordinate comparisons: exact matching degrades towards a scan beyond ~10 dimensions
   * (docs/ESTIMATION.md, covariate matching cost).
   */
  public static final long DEFAULT_WORK_BUDGET = 2_000_000_000L;

  public NnmOptions {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1");
    }
    if (matchingWorkBudget < 1) {
      throw new IllegalArgumentException("matchingWorkBudget must be >= 1");
    }
    if (varianceNeighbours < 1) {
      throw new IllegalArgumentException("varianceNeighbours must be >= 1");
    }
  }

  /** 1:1 matching, the default budget, J = 2. */
  public static NnmOptions defaults() {
    return new NnmOptions(1, DEFAULT_WORK_BUDGET, MatchingEstimate.DEFAULT_VARIANCE_NEIGHBOURS);
  }
}
