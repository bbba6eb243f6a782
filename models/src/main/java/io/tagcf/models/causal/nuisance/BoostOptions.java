package io.tagcf.models.causal.nuisance;

/**
 * Parameters of the boosted-tree nuisance learner ({@link BoostedTreesLearner}).
 *
 * <p>The number of trees is chosen per fit by early stopping on a seeded hold-out share of the
 * training rows, so a smooth or linear truth stops after few trees and a rough one grows more.
 *
 * @param maxRounds upper bound on the number of trees
 * @param maxDepth depth of each tree (depth d can express interactions of d covariates)
 * @param learningRate shrinkage of each tree (XGBoost's eta)
 * @param minChildWeight minimum summed Hessian in a leaf, with row weights scaled to mean 1
 * @param earlyStoppingRounds trees without improvement on the hold-out rows before stopping
 * @param validationShare share of the training rows held out for early stopping
 * @param maxTrainingRows a fit on more rows trains on a seeded subsample of this many: beyond it
 *     a depth-limited ensemble gains little accuracy, while its cost keeps growing linearly
 * @param minTrainingRows fewest rows a boosted model is trained on (per arm for the outcome models)
 */
public record BoostOptions(
    int maxRounds,
    int maxDepth,
    double learningRate,
    double minChildWeight,
    int earlyStoppingRounds,
    double validationShare,
    int maxTrainingRows,
    int minTrainingRows) {

  public BoostOptions {
    if (maxRounds < 1) {
      throw new IllegalArgumentException("maxRounds must be >= 1");
    }
    if (maxDepth < 1 || maxDepth > 12) {
      throw new IllegalArgumentException("maxDepth must be in [1, 12]");
    }
    if (!(learningRate > 0 && learningRate <= 1)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1]");
    }
    if (!(minChildWeight >= 0) || Double.isInfinite(minChildWeight)) {
      throw new IllegalArgumentException("minChildWeight must be a finite number >= 0");
    }
    if (earlyStoppingRounds < 1) {
      throw new IllegalArgumentException("earlyStoppingRounds must be >= 1");
    }
    if (!(validationShare > 0 && validationShare < 0.5)) {
      throw new IllegalArgumentException("validationShare must be in (0, 0.5)");
    }
    if (minTrainingRows < 10) {
      throw new IllegalArgumentException("minTrainingRows must be >= 10");
    }
    if (maxTrainingRows < minTrainingRows) {
      throw new IllegalArgumentException("maxTrainingRows must be >= minTrainingRows");
    }
  }

  /**
   * 300 trees at most of depth 2, learning rate 0.1, early stopping after 20 trees on a 20%
   * hold-out, at least 50 and at most 200,000 training rows (see docs/ESTIMATION.md, section 3.1).
   * Depth 2 (pairwise interactions) left AIPW less bias on the threshold world than depth 4, whose
   * extra splits mostly fit noise at a few thousand rows.
   */
  public static BoostOptions defaults() {
    return new BoostOptions(300, 2, 0.1, 1.0, 20, 0.2, 200_000, 50);
  }
}
