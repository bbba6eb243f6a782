package io.tagcf.models.causal.nuisance;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits one nuisance model by cross-fitting: the prediction for a row comes from models trained on
 * the other folds. With several learners (the {@link NuisanceModel#AUTO} choice) every learner is
 * cross-fitted, each one's out-of-fold predictions are scored ({@link SelectionCriterion}: by
 * default the loss on the rows it could be trained on), and the learner with the lowest score is
 * used: the discrete super learner (van der Laan, Polley and Hubbard 2007), choosing among the
 * learners' own cross-fitted predictions.
 *
 * <p>A convex mixture of the learners (the continuous super learner) was tried and rejected: it
 * minimises prediction loss by keeping part of a misspecified GLM, and with it part of the GLM's
 * confounding bias, and on the weighted simulated worlds it cost AIPW's intervals 2-3 points of
 * coverage (docs/ESTIMATION.md, section 3.1).
 *
 * <p>The choice is made on the same out-of-fold predictions it then uses; choosing one of two
 * learners adds no overfitting worth the name, while a nested split would halve the rows each
 * learner sees.
 */
public final class CrossFittedNuisance {
  private CrossFittedNuisance() {}

  /**
   * The cross-fitted predictions of one nuisance.
   *
   * @param predictions the chosen learner's out-of-fold prediction of every row
   * @param note why a learner was left out, or null
   */
  public record Fit(double[] predictions, NuisanceChoice choice, boolean converged, String note) {}

  /**
   * As {@link #fit(NuisanceTask, int[], int, boolean[], NuisanceModel, BoostOptions, SelectionCriterion)},
   * choosing by the family's loss on the trainable rows under their row weights.
   */
  public static Fit fit(
      NuisanceTask task, int[] fold, int k, boolean[] trainable, NuisanceModel model, BoostOptions boost) {
    return fit(task, fold, k, trainable, model, boost, SelectionCriterion.loss(task, trainable));
  }

  /**
   * @param fold fold of each row in [0, k); with k = 1 every row is both fitted and predicted
   * @param trainable rows the model may learn from (the rows of one arm for an outcome model)
   * @param criterion how the learners' out-of-fold predictions are compared
   * @throws NuisanceModelException when boosting alone is asked for and a fold's training rows are
   *     fewer than {@link BoostOptions#minTrainingRows()}
   */
  public static Fit fit(NuisanceTask task, int[] fold, int k, boolean[] trainable, NuisanceModel model,
      BoostOptions boost, SelectionCriterion criterion) {
    int fewest = fewestTrainingRows(fold, k, trainable);
    List<NuisanceLearner> learners = new ArrayList<>();
    String note = null;
    boolean boostFits = fewest >= boost.minTrainingRows();
    switch (model) {
      case GLM -> learners.add(new GlmLearner());
      case BOOST -> {
        if (!boostFits) {
          throw new NuisanceModelException(tooFewRows(task, fewest, boost, k) + " (use --nuisance glm or auto)");
        }
        learners.add(new BoostedTreesLearner(boost));
      }
      case AUTO -> {
        learners.add(new GlmLearner());
        if (k < 2) {
          note = task.name() + " model: GLM only (choosing a learner needs cross-fitting folds)";
        } else if (!boostFits) {
          note = task.name() + " model: GLM only; " + tooFewRows(task, fewest, boost, k);
        } else {
          learners.add(new BoostedTreesLearner(boost));
        }
      }
      default -> throw new IllegalStateException("unknown model " + model);
    }
    int n = task.rows();
    double[][] outOfFold = new double[learners.size()][n];
    for (int f = 0; f < k; f++) {
      int[] train = rows(fold, f, k, trainable, false);
      int[] predict = rows(fold, f, k, null, true);
      for (int c = 0; c < learners.size(); c++) {
        double[] p = learners.get(c).fitAndPredict(task, train, predict);
        for (int j = 0; j < predict.length; j++) {
          outOfFold[c][predict[j]] = p[j];
        }
      }
    }
    boolean converged = learners.stream().allMatch(NuisanceLearner::converged);
    List<String> names = learners.stream().map(NuisanceLearner::name).toList();
    List<Double> scores = new ArrayList<>();
    for (double[] p : outOfFold) {
      scores.add(criterion.score(p));
    }
    int best = 0;
    for (int c = 1; c < learners.size(); c++) {
      if (scores.get(c) < scores.get(best)) {
        best = c;
      }
    }
    return new Fit(outOfFold[best], new NuisanceChoice(task.name(), criterion.name(), names, scores,
        names.get(best)), converged, note);
  }

  private static String tooFewRows(NuisanceTask task, int fewest, BoostOptions boost, int k) {
    return "boosting the " + task.name() + " model needs at least " + boost.minTrainingRows()
        + " training rows in each of the " + k + " cross-fitting folds, and one fold has " + fewest;
  }

  private static int fewestTrainingRows(int[] fold, int k, boolean[] trainable) {
    int[] perFold = new int[k];
    int total = 0;
    for (int i = 0; i < fold.length; i++) {
      if (trainable[i]) {
        perFold[fold[i]]++;
        total++;
      }
    }
    if (k < 2) {
      return total;
    }
    int fewest = Integer.MAX_VALUE;
    for (int f = 0; f < k; f++) {
      fewest = Math.min(fewest, total - perFold[f]);
    }
    return fewest;
  }

  /** The training rows (outside fold f, flagged) or the prediction rows (inside fold f) of a fold. */
  private static int[] rows(int[] fold, int f, int k, boolean[] flagged, boolean inFold) {
    int count = 0;
    for (int i = 0; i < fold.length; i++) {
      if (belongs(fold, f, k, flagged, inFold, i)) {
        count++;
      }
    }
    int[] out = new int[count];
    int c = 0;
    for (int i = 0; i < fold.length; i++) {
      if (belongs(fold, f, k, flagged, inFold, i)) {
        out[c++] = i;
      }
    }
    return out;
  }

  private static boolean belongs(int[] fold, int f, int k, boolean[] flagged, boolean inFold, int i) {
    boolean inPart = k < 2 || (fold[i] == f) == inFold;
    return inPart && (flagged == null || flagged[i]);
  }
}
