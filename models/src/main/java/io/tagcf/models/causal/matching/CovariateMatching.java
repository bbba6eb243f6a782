package io.tagcf.models.causal.matching;

import io.tagcf.models.causal.ArmRows;
import io.tagcf.models.causal.CausalInputException;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.EffectEstimator;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Estimation;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.PreparedData;
import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.GlmFit;
import io.tagcf.models.causal.regression.ModelMatrix;
import io.tagcf.models.causal.regression.PenalizedGlm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Nearest-neighbour matching on the covariates themselves, with the Abadie-Imbens (2011) bias
 * correction: each matched outcome is shifted by m(x_query) - m(x_match), where m is a linear
 * regression of the outcome on the covariates in the match's arm. The correction removes the bias
 * that inexact matches leave when there are several continuous covariates.
 *
 * <p>Distance: Euclidean on covariates standardised to unit SD, or, when the data carry embedding
 * vectors, cosine distance between them (Euclidean between unit-normalised vectors, which orders
 * neighbours identically). Matching is exact, with replacement, through a k-d tree. When matching
 * every row would exceed the work budget, a seeded random subsample of query rows is matched and a
 * warning says how large; the standard error then reflects that smaller sample. The unit weights
 * returned are each row's weight in the matched sample.
 */
public final class CovariateMatching implements EffectEstimator {
  private static final int BATCH = 256;
  private static final int FIRST_ROUND = 32;

  private final NnmOptions options;

  public CovariateMatching(NnmOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  public CovariateMatching() {
    this(NnmOptions.defaults());
  }

  public NnmOptions options() {
    return options;
  }

  @Override
  public Method method() {
    return Method.NNM;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    int n = t.length;
    int k = options.neighbours();
    boolean cosine = data.data().embedding() != null;
    int dim;
    double[] points;
    if (cosine) {
      double[][] e = data.data().embedding();
      dim = e[0].length;
      points = new double[n * dim];
      for (int i = 0; i < n; i++) {
        double norm = 0;
        for (double v : e[i]) {
          norm += v * v;
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dim; d++) {
          points[i * dim + d] = norm > 0 ? e[i][d] / norm : 0;
        }
      }
    } else {
      dim = data.covariates().length;
      if (dim == 0) {
        throw new CausalInputException("nnm: needs at least one non-constant covariate");
      }
      points = standardised(data.covariates(), w);
    }
    ArmRows arms = ArmRows.of(t);
    KdTree controlTree = tree(points, dim, arms.control());
    KdTree treatedTree = estimand == Estimand.ATE ? tree(points, dim, arms.treated()) : null;
    List<String> warnings = new ArrayList<>();
    GlmFit[] bias = new GlmFit[2];
    // Fallback variance per arm, for rows without same-arm neighbours.
    double[] sigma = new double[2];
    ModelMatrix x = data.design();
    for (int arm = 0; arm <= 1; arm++) {
      int[] rows = arms.arm(arm);
      bias[arm] = PenalizedGlm.fit(x, y, w, rows, GlmFamily.GAUSSIAN, data.nuisance().lambda());
      double sq = 0;
      double tw = 0;
      for (int i : rows) {
        double r = y[i] - bias[arm].mean(x, i);
        sq += w[i] * r * r;
        tw += w[i];
      }
      double dof = Math.max(1.0, rows.length - x.cols());
      sigma[arm] = sq / tw * rows.length / dof;
    }
    int[] queries = estimand == Estimand.ATT ? arms.treated().clone() : allRows(n);
    shuffle(queries, data.seed());
    int[][] found = new int[queries.length][];
    long budget = options.matchingWorkBudget();
    long work = 0;
    int done = 0;
    // A small first round measures the cost per query; later rounds are sized to what is left of
    // the budget. Rounds depend only on counted work, never on the clock or the core count, so
    // the subsample (and the result) is the same on every machine.
    int roundSize = FIRST_ROUND;
    while (done < queries.length && (done == 0 || work < budget)) {
      int from = done;
      int to = Math.min(queries.length, from + roundSize);
      int batches = (to - from + BATCH - 1) / BATCH;
      long[] batchWork = new long[batches];
      IntStream.range(0, batches).parallel().forEach(b -> {
        KdTree.Search s = new KdTree.Search(k);
        double[] q = new double[dim];
        int end = Math.min(to, from + (b + 1) * BATCH);
        for (int idx = from + b * BATCH; idx < end; idx++) {
          int i = queries[idx];
          System.arraycopy(points, i * dim, q, 0, dim);
          KdTree other = t[i] == 1.0 ? controlTree : treatedTree;
          other.nearest(q, k, -1, s);
          found[idx] = java.util.Arrays.copyOf(s.best, s.count);
        }
        batchWork[b] = s.work;
      });
      for (long bw : batchWork) {
        work += bw;
      }
      done = to;
      double perQuery = Math.max(1.0, (double) work / done);
      roundSize = (int) Math.max(FIRST_ROUND, Math.min(BATCH * 8L, (long) ((budget - work) / perQuery)));
    }
    Matches.Builder builder = new Matches.Builder();
    double[] contrast = new double[done];
    int used = 0;
    for (int idx = 0; idx < done; idx++) {
      int i = queries[idx];
      int[] m = found[idx];
      if (m.length == 0) {
        continue;
      }
      int otherArm = t[i] == 1.0 ? 0 : 1;
      double total = 0;
      for (int j : m) {
        total += w[j];
      }
      double fitted = bias[otherArm].mean(x, i);
      double counterpart = 0;
      for (int j : m) {
        double share = total > 0 ? w[j] / total : 1.0 / m.length;
        counterpart += share * (y[j] + fitted - bias[otherArm].mean(x, j));
      }
      builder.add(i, m, m.length, w);
      contrast[used++] = t[i] == 1.0 ? y[i] - counterpart : counterpart - y[i];
    }
    Matches matches = builder.build();
    double[] sigma2 = conditionalVariance(matches, points, dim, t, y, options.varianceNeighbours(),
        controlTree, estimand == Estimand.ATE ? treatedTree : tree(points, dim, arms.treated()), sigma);
    MatchingEstimate m =
        MatchingEstimate.compute(matches, java.util.Arrays.copyOf(contrast, used), t, w, sigma2, estimand);
    if (done < queries.length) {
      warnings.add(String.format(Locale.ROOT,
          "matched a seeded random %.1f%% of the %d query rows (%d) to stay within the work budget: "
              + "the standard error reflects that subsample",
          100.0 * done / queries.length, queries.length, done));
    }
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("k", (double) k);
    details.put("metric_cosine", cosine ? 1.0 : 0.0);
    details.put("dimensions", (double) dim);
    details.put("matched_query_share", done / (double) queries.length);
    EffectEstimate estimate = EffectEstimate.of(
        Method.NNM, estimand, m.estimate(), m.se(), m.matchedTreated(), m.matchedControl(), m.ess(), warnings, details);
    return Estimation.weighted(List.of(estimate), m.unitWeights());
  }

  /**
   * Abadie-Imbens conditional outcome variance of every row that is used as a match: J/(J+1) times
   * the squared gap between its outcome and the mean of its J nearest rows in the same arm. It
   * adapts to heteroskedastic outcomes (earnings, rare clicks) where one variance per arm would
   * not. Rows never used as a match need none; rows without same-arm neighbours fall back to the
   * arm's regression residual variance.
   */
  private static double[] conditionalVariance(Matches matches, double[] points, int dim, double[] t, double[] y,
      int j, KdTree controlTree, KdTree treatedTree, double[] armVariance) {
    int n = t.length;
    boolean[] needed = new boolean[n];
    for (int s = 0; s < matches.matched().length; s++) {
      needed[matches.matched()[s]] = true;
    }
    int[] rows = IntStream.range(0, n).filter(i -> needed[i]).toArray();
    double[] sigma2 = new double[n];
    for (int i = 0; i < n; i++) {
      sigma2[i] = armVariance[(int) t[i]];
    }
    IntStream.range(0, (rows.length + BATCH - 1) / BATCH).parallel().forEach(b -> {
      KdTree.Search search = new KdTree.Search(j);
      double[] q = new double[dim];
      for (int idx = b * BATCH; idx < Math.min(rows.length, (b + 1) * BATCH); idx++) {
        int i = rows[idx];
        System.arraycopy(points, i * dim, q, 0, dim);
        (t[i] == 1.0 ? treatedTree : controlTree).nearest(q, j, i, search);
        if (search.count == 0) {
          continue;
        }
        double mean = 0;
        for (int c = 0; c < search.count; c++) {
          mean += y[search.best[c]];
        }
        mean /= search.count;
        double d = y[i] - mean;
        sigma2[i] = search.count / (search.count + 1.0) * d * d;
      }
    });
    return sigma2;
  }

  private static KdTree tree(double[] points, int dim, int[] rows) {
    double[] sub = new double[rows.length * dim];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(points, rows[r] * dim, sub, r * dim, dim);
    }
    return new KdTree(sub, dim, rows);
  }

  private static double[] standardised(double[][] columns, double[] w) {
    int p = columns.length;
    int n = w.length;
    double[] out = new double[n * p];
    double total = 0;
    for (double v : w) {
      total += v;
    }
    for (int j = 0; j < p; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += w[i] * columns[j][i];
      }
      mean /= total;
      double var = 0;
      for (int i = 0; i < n; i++) {
        double d = columns[j][i] - mean;
        var += w[i] * d * d;
      }
      double sd = Math.sqrt(var / total);
      double scale = sd > 0 ? 1 / sd : 0;
      for (int i = 0; i < n; i++) {
        out[i * p + j] = (columns[j][i] - mean) * scale;
      }
    }
    return out;
  }

  private static int[] allRows(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static void shuffle(int[] rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = rows[i];
      rows[i] = rows[j];
      rows[j] = tmp;
    }
  }
}
