package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.regression.GlmFamily;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees (XGBoost, histogram method) as a nuisance learner: logistic
 * loss for a target in [0, 1] (treatment, binary or rate outcomes), squared error otherwise.
 *
 * <p>Trees see the covariates on their own scale (splits are invariant to it) and need no basis
 * expansion: thresholds and interactions are what they model. Each fit holds out a seeded share of
 * its training rows and keeps the trees up to the best hold-out loss. Subsampling of rows and
 * columns inside XGBoost is off, so a fit depends only on the seed of the hold-out split.
 */
public final class BoostedTreesLearner implements NuisanceLearner {
  /** Below this many training rows one thread is faster than the cost of starting several. */
  private static final int PARALLEL_ROWS = 50_000;

  private final BoostOptions options;
  private int fits;

  public BoostedTreesLearner(BoostOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NuisanceModel.BOOST.label();
  }

  @Override
  public double[] fitAndPredict(NuisanceTask task, int[] train, int[] predict) {
    // Each fold draws its own hold-out rows, reproducibly.
    SplittableRandom random = new SplittableRandom(task.seed() * 31 + (fits++) + task.name().hashCode());
    int[] rows = train.length > options.maxTrainingRows() ? sample(train, options.maxTrainingRows(), random) : train;
    boolean[] holdOut = new boolean[rows.length];
    int held = 0;
    for (int k = 0; k < rows.length; k++) {
      holdOut[k] = random.nextDouble() < options.validationShare();
      held += holdOut[k] ? 1 : 0;
    }
    if (held == 0 || held == rows.length) {
      // Early stopping needs rows on both sides; at 50 rows or more this is a 1-in-70,000 draw.
      holdOut[0] = !holdOut[0];
      held += holdOut[0] ? 1 : -1;
    }
    int[] fitRows = select(rows, holdOut, false, rows.length - held);
    int[] validRows = select(rows, holdOut, true, held);
    double meanWeight = meanWeight(task.weights(), fitRows);
    DMatrix fit = null;
    DMatrix valid = null;
    DMatrix test = null;
    Booster booster = null;
    try {
      fit = matrix(task, fitRows, meanWeight, true);
      valid = matrix(task, validRows, meanWeight, true);
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("holdout", valid);
      booster = XGBoost.train(fit, parameters(task, fitRows.length), options.maxRounds(), watches,
          new float[1][options.maxRounds()], null, null, options.earlyStoppingRounds());
      int trees = bestRounds(booster);
      test = matrix(task, predict, meanWeight, false);
      float[][] predicted = booster.predict(test, false, trees);
      double[] out = new double[predict.length];
      for (int k = 0; k < out.length; k++) {
        out[k] = predicted[k][0];
      }
      return out;
    } catch (XGBoostError e) {
      throw new IllegalStateException("boosted " + task.name() + " model failed: " + e.getMessage(), e);
    } finally {
      for (DMatrix m : new DMatrix[] {fit, valid, test}) {
        if (m != null) {
          m.dispose();
        }
      }
      if (booster != null) {
        booster.dispose();
      }
    }
  }

  private Map<String, Object> parameters(NuisanceTask task, int rows) {
    Map<String, Object> p = new HashMap<>();
    p.put("objective", task.family() == GlmFamily.BINOMIAL ? "binary:logistic" : "reg:squarederror");
    p.put("eval_metric", task.family() == GlmFamily.BINOMIAL ? "logloss" : "rmse");
    p.put("tree_method", "hist");
    p.put("max_depth", options.maxDepth());
    p.put("eta", options.learningRate());
    p.put("min_child_weight", options.minChildWeight());
    p.put("seed", 0);
    p.put("nthread", rows >= PARALLEL_ROWS ? Runtime.getRuntime().availableProcessors() : 1);
    p.put("verbosity", 0);
    // A string: xgboost4j compares it with "false"; otherwise it prints every round's hold-out loss.
    p.put("verbose_eval", "false");
    return p;
  }

  /** Trees up to and including the round with the lowest hold-out loss. */
  private static int bestRounds(Booster booster) throws XGBoostError {
    String best = booster.getAttr("best_iteration");
    return best == null ? booster.getNumBoostedRound() : Integer.parseInt(best) + 1;
  }

  private static DMatrix matrix(NuisanceTask task, int[] rows, double meanWeight, boolean labelled)
      throws XGBoostError {
    double[][] x = task.covariates();
    int p = Math.max(1, x.length);
    float[] values = new float[rows.length * p];
    for (int j = 0; j < x.length; j++) {
      double[] column = x[j];
      for (int k = 0; k < rows.length; k++) {
        values[k * p + j] = (float) column[rows[k]];
      }
    }
    DMatrix m = new DMatrix(values, rows.length, p, Float.NaN);
    if (labelled) {
      float[] label = new float[rows.length];
      float[] weight = new float[rows.length];
      for (int k = 0; k < rows.length; k++) {
        label[k] = (float) task.target()[rows[k]];
        // Scaled to mean 1 so that min_child_weight means the same with and without row weights.
        weight[k] = (float) (task.weights()[rows[k]] / meanWeight);
      }
      m.setLabel(label);
      m.setWeight(weight);
    }
    return m;
  }

  private static double meanWeight(double[] w, int[] rows) {
    double s = 0;
    for (int i : rows) {
      s += w[i];
    }
    return s > 0 ? s / rows.length : 1.0;
  }

  private static int[] sample(int[] rows, int size, SplittableRandom random) {
    int[] copy = rows.clone();
    for (int k = 0; k < size; k++) {
      int j = k + random.nextInt(copy.length - k);
      int tmp = copy[k];
      copy[k] = copy[j];
      copy[j] = tmp;
    }
    int[] out = Arrays.copyOf(copy, size);
    Arrays.sort(out);
    return out;
  }

  private static int[] select(int[] rows, boolean[] flag, boolean wanted, int count) {
    int[] out = new int[count];
    int c = 0;
    for (int k = 0; k < rows.length; k++) {
      if (flag[k] == wanted) {
        out[c++] = rows[k];
      }
    }
    return out;
  }
}
