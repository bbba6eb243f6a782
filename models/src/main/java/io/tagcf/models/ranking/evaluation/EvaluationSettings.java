package io.tagcf.models.ranking.evaluation;

import java.util.List;

/**
 * @param bases the base recommenders to choose from on the validation round (best NDCG@10 wins)
 * @param beta0 the grid of β0 tried on the validation round
 * @param beta1 the grid of β1 tried on the validation round
 * @param halfLives the profiles' recency half-lives tried on the validation round (with every β);
 *     {@code profile}'s own half-life is not used
 * @param tuneUsers at most this many users (a seeded sample) score the validation grid
 * @param resamples bootstrap resamples of the lift interval
 */
public record EvaluationSettings(
    List<BaseRecommender> bases, double[] beta0, double[] beta1, double[] halfLives, ProfileSettings profile, int tuneUsers,
    int resamples,
    long seed, int threads) {

  /** β grids from 0 up, on the scale of the base score divided by its per-user maximum (1 = the base's top item). */
  public static final double[] BETA_GRID = {0, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2};

  public EvaluationSettings {
    bases = List.copyOf(bases);
    if (bases.isEmpty()) {
      throw new IllegalArgumentException("at least one base recommender");
    }
    if (beta0.length == 0 || beta1.length == 0 || beta0[0] != 0 || beta1[0] != 0) {
      throw new IllegalArgumentException("the β grids must start at 0, so that the base alone is a candidate");
    }
    if (halfLives.length == 0 || java.util.Arrays.stream(halfLives).anyMatch(h -> !(h > 0))) {
      throw new IllegalArgumentException("at least one half-life, each positive");
    }
    if (tuneUsers < 1 || threads < 1) {
      throw new IllegalArgumentException("tuneUsers and threads must be at least 1");
    }
  }
}
