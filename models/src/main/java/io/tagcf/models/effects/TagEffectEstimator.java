package io.tagcf.models.effects;

import io.tagcf.models.causal.regression.DenseAlgebra;
import io.tagcf.models.causal.regression.Sigmoid;
import io.tagcf.models.causal.sensitivity.EValue;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Estimates every (segment, outcome) effect of a tag from one {@link VideoDesign}, computing on the
 * compressed data and sharing whatever does not depend on the tag, the segment or the outcome (in
 * the spirit of Wong et al., "Computational causal inference", 2020):
 *
 * <ul>
 *   <li><b>Outcome models</b>, one per (segment, outcome), shared by every tag: a binomial logistic
 *       regression of the video's successes out of its exposures on its numeric covariates, its
 *       category and every cover-set tag it carries, cross-fitted over {@value #FOLDS} folds of
 *       videos. For tag t, m1 and m0 are the fold's prediction with t's indicator switched on and
 *       off. Fitted once per snapshot, not once per tag.
 *   <li><b>Propensity</b>, one per tag: a logistic regression of carrying the tag on the tag's
 *       bounded confounder set (numeric covariates, category, the {@code cooccurringTags} tags seen
 *       most often with it) over the video population. A segment's design weights videos by their
 *       exposures there, and a recommender that favours tagged videos in a segment shifts the odds
 *       of the tag among its exposures by a constant; each segment recalibrates the tag's model by
 *       that one intercept shift (exposure-weighted treated share matched) instead of a refit.
 * </ul>
 *
 * <p>The estimate is AIPW for the ATT over the segment's exposures: what carrying the tag did for
 * the tagged videos' exposures in the segment (rows: the videos exposed in the segment, weighted by
 * their exposures). The ATT needs comparable untagged videos only for the tagged ones, so a rare
 * tag is estimable even though most videos could never carry it. Standard errors take videos as
 * the independent units.
 */
public final class TagEffectEstimator {
  static final int FOLDS = 5;
  /**
   * Largest share of the tagged videos' exposures in a segment on videos whose propensity is
   * above 1 - clip: they have no comparable untagged videos, the correction would rest on a few
   * control videos with huge weights, and the cell is insufficient instead.
   */
  static final double MAX_CLIPPED_SHARE = 0.10;
  private static final Outcome[] OUTCOMES = Outcome.values();
  private final VideoDesign design;
  private final EffectSettings settings;
  private final int n;
  private final int categoryOffset;
  private final int tagOffset;
  private final int features;
  private final int[][] rowIndex;
  private final double[][] rowValue;
  private final int[] fold;
  /** models[segment][outcome]. */
  private final OutcomeModel[][] models;

  public TagEffectEstimator(VideoDesign design, EffectSettings settings) {
    this.design = design;
    this.settings = settings;
    this.n = design.videoCount();
    this.categoryOffset = 1 + design.dense.length;
    this.tagOffset = categoryOffset + Math.max(0, design.categories.size() - 1);
    this.features = tagOffset + design.tagCount();
    this.rowIndex = new int[n][];
    this.rowValue = new double[n][];
    for (int v = 0; v < n; v++) {
      int[] tags = design.videoTags[v];
      int c = design.category[v];
      int nnz = categoryOffset + (c > 0 ? 1 : 0) + tags.length;
      int[] idx = new int[nnz];
      double[] val = new double[nnz];
      val[0] = 1;
      for (int f = 0; f < design.dense.length; f++) {
        idx[1 + f] = 1 + f;
        val[1 + f] = design.dense[f][v];
      }
      int k = categoryOffset;
      if (c > 0) {
        idx[k] = categoryOffset + c - 1;
        val[k++] = 1;
      }
      for (int t : tags) {
        idx[k] = tagOffset + t;
        val[k++] = 1;
      }
      rowIndex[v] = idx;
      rowValue[v] = val;
    }
    this.fold = new int[n];
    for (int v = 0; v < n; v++) {
      fold[v] = Math.floorMod(Seeds.mix(settings.seed(), design.videoId(v).hashCode()), FOLDS);
    }
    int segments = design.segments().size();
    this.models = new OutcomeModel[segments][OUTCOMES.length];
    IntStream.range(0, segments * OUTCOMES.length).parallel().forEach(i -> {
      int s = i / OUTCOMES.length;
      int o = i % OUTCOMES.length;
      models[s][o] = fitOutcomeModel(s, o);
    });
  }

  public VideoDesign design() {
    return design;
  }

  /** One segment's outcome model: cross-fitted for the scores, on all rows for attributions. */
  private static final class OutcomeModel {
    final double[][] foldBeta = new double[FOLDS][];
    /** Each exposed video's linear predictor from the model fitted without its fold. */
    final double[] outOfFold;
    final SparseLogistic.Fit full;
    private double[] inverse;

    OutcomeModel(SparseLogistic.Fit full, int n) {
      this.full = full;
      this.outOfFold = new double[n];
    }

    synchronized double[] inverse(int p) {
      if (inverse == null) {
        inverse = DenseAlgebra.invertSpd(full.hessian(), p);
      }
      return inverse;
    }
  }

  private OutcomeModel fitOutcomeModel(int segment, int outcome) {
    double[] trials = new double[n];
    double[] successes = new double[n];
    for (int v = 0; v < n; v++) {
      trials[v] = design.exposures[segment][v];
      successes[v] = design.successes[outcome][segment][v];
    }
    double lambda = settings.ridge() * Arrays.stream(trials).sum();
    SparseLogistic.Fit full = SparseLogistic.fit(rowIndex, rowValue, trials, successes, features, lambda, null);
    OutcomeModel model = new OutcomeModel(full, n);
    for (int k = 0; k < FOLDS; k++) {
      double[] training = trials.clone();
      for (int v = 0; v < n; v++) {
        if (fold[v] == k) {
          training[v] = 0;
        }
      }
      SparseLogistic.Fit fit = SparseLogistic.fit(rowIndex, rowValue, training, successes, features, lambda,
          full.beta());
      model.foldBeta[k] = fit.beta();
      for (int v = 0; v < n; v++) {
        if (fold[v] == k) {
          model.outOfFold[v] = fit.linearPredictor(rowIndex[v], rowValue[v]);
        }
      }
    }
    return model;
  }

  /** Every cell and attribution of the tag with design index {@code tag}. */
  public TagEffects estimate(int tag) {
    long tagId = design.tagId(tag);
    boolean[] treated = new boolean[n];
    for (int v : design.tagVideos[tag]) {
      treated[v] = true;
    }
    double[] logitPropensity = null;
    boolean[] placebo = permutedTreatment(tagId, design.tagVideos[tag].length);
    List<CellEstimate> cells = new ArrayList<>();
    List<VideoAttribution> attributions = new ArrayList<>();
    for (int s = 0; s < models.length; s++) {
      String segment = design.segments.get(s);
      int[] exposures = design.exposures[s];
      int videos = 0;
      int treatedVideos = 0;
      long segmentExposures = 0;
      long treatedExposures = 0;
      for (int v = 0; v < n; v++) {
        if (exposures[v] > 0) {
          videos++;
          segmentExposures += exposures[v];
          if (treated[v]) {
            treatedVideos++;
            treatedExposures += exposures[v];
          }
        }
      }
      String reason = sizeProblem(videos, treatedVideos, treatedExposures);
      Scores scores = null;
      if (reason == null) {
        if (logitPropensity == null) {
          logitPropensity = propensity(tag, treated);
        }
        scores = score(s, tag, treated, segmentPropensity(s, logitPropensity, treated));
        reason = scores.overlapProblem();
      }
      for (Outcome o : OUTCOMES) {
        if (reason != null) {
          cells.add(CellEstimate.insufficient(tagId, segment, o, reason, videos, treatedVideos, segmentExposures,
              treatedExposures));
          continue;
        }
        cells.add(scores.cell(tagId, segment, o, videos, treatedVideos, segmentExposures, treatedExposures,
            instrument(s, treated, o), placeboCheck(s, placebo, o)));
      }
      if (reason == null) {
        attributions.addAll(attributions(tagId, tag, s, treated));
      }
    }
    return new TagEffects(tagId, cells, attributions);
  }

  private String sizeProblem(int videos, int treatedVideos, long treatedExposures) {
    if (treatedVideos < settings.minTreatedVideos()) {
      return "too few videos carry the tag in this segment (" + treatedVideos + " < " + settings.minTreatedVideos() + ")";
    }
    if (videos - treatedVideos < settings.minControlVideos()) {
      return "too few videos without the tag in this segment (" + (videos - treatedVideos) + " < "
          + settings.minControlVideos() + ")";
    }
    if (treatedExposures < settings.minTreatedExposures()) {
      return "too few exposures of videos with the tag (" + treatedExposures + " < "
          + settings.minTreatedExposures() + ")";
    }
    return null;
  }

  /** The tag's propensity on its bounded confounder set, as a logit per video. */
  private double[] propensity(int tag, boolean[] treated) {
    int[] selected = selectFeatures(tag);
    int p = selected.length;
    int[] local = new int[features];
    Arrays.fill(local, -1);
    for (int i = 0; i < p; i++) {
      local[selected[i]] = i;
    }
    int[][] localIndex = new int[n][];
    double[][] localValue = new double[n][];
    double[] trials = new double[n];
    double[] successes = new double[n];
    for (int v = 0; v < n; v++) {
      int[] idx = rowIndex[v];
      int count = 0;
      for (int j : idx) {
        count += local[j] >= 0 ? 1 : 0;
      }
      int[] li = new int[count];
      double[] lv = new double[count];
      int k = 0;
      for (int a = 0; a < idx.length; a++) {
        if (local[idx[a]] >= 0) {
          li[k] = local[idx[a]];
          lv[k++] = rowValue[v][a];
        }
      }
      localIndex[v] = li;
      localValue[v] = lv;
      trials[v] = 1;
      successes[v] = treated[v] ? 1 : 0;
    }
    SparseLogistic.Fit fit = SparseLogistic.fit(localIndex, localValue, trials, successes, p, settings.ridge() * n, null);
    double[] out = new double[n];
    for (int v = 0; v < n; v++) {
      out[v] = fit.linearPredictor(localIndex[v], localValue[v]);
    }
    return out;
  }

  /**
   * The propensity among the segment's exposures: the video-population logit shifted by the one
   * constant that makes the exposure-weighted mean propensity equal the exposure-weighted treated
   * share (Newton's method on a monotone function of the shift).
   */
  private double[] segmentPropensity(int segment, double[] logit, boolean[] treated) {
    int[] w = design.exposures[segment];
    double target = 0;
    double total = 0;
    for (int v = 0; v < n; v++) {
      total += w[v];
      target += treated[v] ? w[v] : 0;
    }
    double shift = 0;
    for (int iteration = 0; iteration < 100; iteration++) {
      double f = -target;
      double df = 0;
      for (int v = 0; v < n; v++) {
        if (w[v] > 0) {
          double e = Sigmoid.of(logit[v] + shift);
          f += w[v] * e;
          df += w[v] * e * (1 - e);
        }
      }
      if (Math.abs(f) <= 1e-10 * total || df == 0) {
        break;
      }
      shift -= Math.max(-2, Math.min(2, f / df));
    }
    double[] out = new double[n];
    for (int v = 0; v < n; v++) {
      out[v] = Sigmoid.of(logit[v] + shift);
    }
    return out;
  }

  /** Intercept, numeric covariates, categories and the tag's most frequent co-occurring tags. */
  private int[] selectFeatures(int tag) {
    int[] together = new int[design.tagCount()];
    for (int v : design.tagVideos[tag]) {
      for (int t : design.videoTags[v]) {
        together[t]++;
      }
    }
    together[tag] = 0;
    Integer[] order = new Integer[together.length];
    for (int t = 0; t < order.length; t++) {
      order[t] = t;
    }
    Arrays.sort(order, (a, b) -> together[a] != together[b] ? Integer.compare(together[b], together[a])
        : Integer.compare(a, b));
    int k = 0;
    while (k < order.length && k < settings.cooccurringTags() && together[order[k]] > 0) {
      k++;
    }
    int[] cooccurring = new int[k];
    for (int i = 0; i < k; i++) {
      cooccurring[i] = tagOffset + order[i];
    }
    Arrays.sort(cooccurring);
    int[] out = new int[tagOffset + k];
    for (int j = 0; j < tagOffset; j++) {
      out[j] = j;
    }
    System.arraycopy(cooccurring, 0, out, tagOffset, k);
    return out;
  }

  private boolean[] permutedTreatment(long tagId, int treatedCount) {
    int[] order = new int[n];
    for (int v = 0; v < n; v++) {
      order[v] = v;
    }
    SplittableRandom random = new SplittableRandom(Seeds.mix(settings.seed(), tagId));
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < treatedCount; i++) {
      out[order[i]] = true;
    }
    return out;
  }

  /** AIPW, naive and IPW estimates of the ATT of one (tag, segment) for every outcome. */
  private Scores score(int segment, int tag, boolean[] treated, double[] propensity) {
    int[] w = design.exposures[segment];
    double clip = settings.propensityClip();
    Scores out = new Scores();
    double clipped = 0;
    double treatedTotal = 0;
    WeightedMean essTreated = new WeightedMean();
    WeightedMean essControl = new WeightedMean();
    AttScore[] aipw = new AttScore[OUTCOMES.length];
    for (int o = 0; o < aipw.length; o++) {
      aipw[o] = new AttScore();
    }
    WeightedMean[] naive1 = means();
    WeightedMean[] naive0 = means();
    WeightedMean[] ipw0 = means();
    double[] m0Sum = new double[OUTCOMES.length];
    int column = tagOffset + tag;
    for (int v = 0; v < n; v++) {
      if (w[v] == 0) {
        continue;
      }
      boolean t = treated[v];
      double e = propensity[v];
      if (e > 1 - clip) {
        // A tagged video that practically only ever comes with the tag has no comparable untagged ones.
        clipped += t ? w[v] : 0;
        e = 1 - clip;
      }
      double odds = e / (1 - e);
      if (t) {
        treatedTotal += w[v];
        essTreated.add(w[v], 0);
      } else {
        essControl.add(w[v] * odds, 0);
      }
      for (int o = 0; o < OUTCOMES.length; o++) {
        OutcomeModel model = models[segment][o];
        double b = model.foldBeta[fold[v]][column];
        double m0 = Sigmoid.of(model.outOfFold[v] - (t ? b : 0));
        double y = design.successes[o][segment][v] / (double) w[v];
        aipw[o].add(w[v], t, t ? y - m0 : -odds * (y - m0));
        if (t) {
          m0Sum[o] += w[v] * m0;
          naive1[o].add(w[v], y);
        } else {
          naive0[o].add(w[v], y);
          ipw0[o].add(w[v] * odds, y);
        }
      }
    }
    for (int o = 0; o < OUTCOMES.length; o++) {
      out.aipw[o] = aipw[o].estimate();
      out.naive[o] = difference(naive1[o], naive0[o]);
      out.ipw[o] = difference(naive1[o], ipw0[o]);
      out.controlMean[o] = m0Sum[o] / treatedTotal;
    }
    out.overlap = new Overlap(essTreated.effectiveSize(), essControl.effectiveSize(), clipped / treatedTotal);
    return out;
  }

  /**
   * The AIPW estimate of the ATT from per-row scores s_i (treated: y - m0; control: -e/(1-e) (y - m0)):
   * sum w s / sum_treated w, with the variance sum w^2 (s - T estimate)^2 / (sum_treated w)^2.
   */
  private static final class AttScore {
    private double sum;
    private double treatedWeight;
    private double squares;
    private double treatedCross;
    private double treatedSquares;

    void add(double w, boolean treated, double score) {
      sum += w * score;
      squares += w * w * score * score;
      if (treated) {
        treatedWeight += w;
        treatedCross += w * w * score;
        treatedSquares += w * w;
      }
    }

    Estimate estimate() {
      double tau = sum / treatedWeight;
      double ss = squares - 2 * tau * treatedCross + tau * tau * treatedSquares;
      return Estimate.of(tau, Math.sqrt(Math.max(0, ss)) / treatedWeight);
    }
  }

  private static Estimate difference(WeightedMean treated, WeightedMean control) {
    return Estimate.of(treated.mean() - control.mean(),
        Math.sqrt(treated.varianceOfMean() + control.varianceOfMean()));
  }

  /** One (tag, segment)'s estimates per outcome. */
  private final class Scores {
    final Estimate[] aipw = new Estimate[OUTCOMES.length];
    final Estimate[] naive = new Estimate[OUTCOMES.length];
    final Estimate[] ipw = new Estimate[OUTCOMES.length];
    final double[] controlMean = new double[OUTCOMES.length];
    Overlap overlap;

    String overlapProblem() {
      if (overlap.clippedShare() > MAX_CLIPPED_SHARE) {
        return String.format(Locale.ROOT, "poor overlap: %.0f%% of the tagged videos' exposures are on videos"
            + " whose propensity is above %s (at most %.0f%% allowed)", 100 * overlap.clippedShare(),
            1 - settings.propensityClip(), 100 * MAX_CLIPPED_SHARE);
      }
      double low = Math.min(overlap.essTreated(), overlap.essControl());
      if (low >= settings.minEss()) {
        return null;
      }
      return String.format(Locale.ROOT, "poor overlap: effective sample size of the %s arm's weights is %.1f < %.0f",
          overlap.essTreated() < overlap.essControl() ? "treated" : "control", low, settings.minEss());
    }

    CellEstimate cell(long tagId, String segment, Outcome outcome, int videos, int treatedVideos, long exposures,
        long treatedExposures, InstrumentEstimate iv, PlaceboCheck placebo) {
      int o = outcome.ordinal();
      Estimate e = aipw[o];
      Double sensitivity = sensitivity(controlMean[o], e);
      boolean robust = e.significant() && placebo.passed() && sensitivity != null
          && sensitivity >= settings.sensitivityFloor();
      return new CellEstimate(tagId, segment, outcome, CellStatus.ESTIMATED, null, videos, treatedVideos,
          videos - treatedVideos, exposures, treatedExposures, e, naive[o], ipw[o], iv, overlap, placebo,
          controlMean[o], sensitivity, robust);
    }
  }

  /**
   * The placebo refuter: the tag moved to random videos. Randomly assigned, its propensity is the
   * constant exposure-weighted share, and no outcome model knows it, so the score compares the
   * residuals of randomly chosen videos with the rest.
   */
  private PlaceboCheck placeboCheck(int segment, boolean[] placebo, Outcome outcome) {
    int[] w = design.exposures[segment];
    double share = 0;
    double total = 0;
    for (int v = 0; v < n; v++) {
      total += w[v];
      share += placebo[v] ? w[v] : 0;
    }
    share /= total;
    if (share <= 0 || share >= 1) {
      // The random videos miss the segment's videos (or are all of them): there is nothing to
      // compare, and a check that could not run has not passed.
      return new PlaceboCheck(null, false);
    }
    double odds = share / (1 - share);
    OutcomeModel model = models[segment][outcome.ordinal()];
    AttScore score = new AttScore();
    for (int v = 0; v < n; v++) {
      if (w[v] == 0) {
        continue;
      }
      double m = Sigmoid.of(model.outOfFold[v]);
      double y = design.successes[outcome.ordinal()][segment][v] / (double) w[v];
      score.add(w[v], placebo[v], placebo[v] ? y - m : -odds * (y - m));
    }
    Estimate e = score.estimate();
    return new PlaceboCheck(e, !e.significant());
  }

  private InstrumentEstimate instrument(int segment, boolean[] treated, Outcome outcome) {
    int o = outcome.ordinal();
    double n1 = 0;
    double n0 = 0;
    double t1 = 0;
    double t0 = 0;
    double y1 = 0;
    double y0 = 0;
    double yt1 = 0;
    double yt0 = 0;
    for (int v = 0; v < n; v++) {
      double all = design.exposures[segment][v];
      if (all == 0) {
        continue;
      }
      double explore = design.exploreExposures[segment][v];
      double ys = design.successes[o][segment][v];
      double ye = design.exploreSuccesses[o][segment][v];
      n1 += explore;
      n0 += all - explore;
      y1 += ye;
      y0 += ys - ye;
      if (treated[v]) {
        t1 += explore;
        t0 += all - explore;
        yt1 += ye;
        yt0 += ys - ye;
      }
    }
    if (n1 < 2 || n0 < 2) {
      return null;
    }
    double pt1 = t1 / n1;
    double pt0 = t0 / n0;
    double py1 = y1 / n1;
    double py0 = y0 / n0;
    double dt = pt1 - pt0;
    double varT = pt1 * (1 - pt1) / n1 + pt0 * (1 - pt0) / n0;
    if (dt == 0 || varT == 0) {
      return null;
    }
    double varY = py1 * (1 - py1) / n1 + py0 * (1 - py0) / n0;
    double cov = (yt1 / n1 - py1 * pt1) / n1 + (yt0 / n0 - py0 * pt0) / n0;
    double beta = (py1 - py0) / dt;
    double var = (varY + beta * beta * varT - 2 * beta * cov) / (dt * dt);
    double f = dt * dt / varT;
    return new InstrumentEstimate(Estimate.of(beta, Math.sqrt(Math.max(0, var))), f, f < 10);
  }

  /**
   * With and without the tag for each tagged video with enough exposures in the segment, from the
   * outcome model fitted on all videos; intervals from its (dispersion-scaled) information matrix,
   * computed on the logit scale and mapped back, so they stay inside [0, 1].
   */
  private List<VideoAttribution> attributions(long tagId, int tag, int segment, boolean[] treated) {
    List<VideoAttribution> out = new ArrayList<>();
    int[] w = design.exposures[segment];
    int column = tagOffset + tag;
    for (Outcome outcome : OUTCOMES) {
      OutcomeModel model = models[segment][outcome.ordinal()];
      double[] inverse = null;
      for (int v = 0; v < n; v++) {
        if (!treated[v] || w[v] < settings.minAttributionExposures()) {
          continue;
        }
        if (inverse == null) {
          inverse = model.inverse(features);
          if (inverse == null) {
            return out;
          }
        }
        double phi = model.full.dispersion();
        int[] idx = rowIndex[v];
        double[] val = rowValue[v];
        double b = model.full.beta()[column];
        double eta1 = model.full.linearPredictor(idx, val);
        double eta0 = eta1 - b;
        double mu1 = Sigmoid.of(eta1);
        double mu0 = Sigmoid.of(eta0);
        double var1 = phi * quadratic(inverse, idx, val, 1, 1, column);
        double var0 = phi * quadratic(inverse, idx, val, 1, 0, column);
        double d1 = mu1 * (1 - mu1);
        double d0 = mu0 * (1 - mu0);
        // d(mu1 - mu0)/d beta = d1 x - d0 x0: (d1 - d0) on every shared feature, d1 on the tag's.
        double varEffect = phi * quadratic(inverse, idx, val, d1 - d0, d1, column);
        out.add(new VideoAttribution(design.videoId(v), tagId, design.segments.get(segment), outcome, w[v],
            design.successes[outcome.ordinal()][segment][v] / (double) w[v], logitScale(eta1, var1),
            logitScale(eta0, var0), Estimate.of(mu1 - mu0, Math.sqrt(Math.max(0, varEffect)))));
      }
    }
    return out;
  }

  /**
   * g' H^-1 g for the row's sparse vector scaled by {@code shared} on every feature but
   * {@code column}, where it is {@code own}.
   */
  private double quadratic(double[] inverse, int[] idx, double[] val, double shared, double own, int column) {
    double s = 0;
    for (int a = 0; a < idx.length; a++) {
      double ga = val[a] * (idx[a] == column ? own : shared);
      if (ga == 0) {
        continue;
      }
      int row = idx[a] * features;
      for (int c = 0; c < idx.length; c++) {
        double gc = val[c] * (idx[c] == column ? own : shared);
        s += ga * inverse[row + idx[c]] * gc;
      }
    }
    return Math.max(0, s);
  }

  private static Estimate logitScale(double eta, double variance) {
    double se = Math.sqrt(variance);
    double mu = Sigmoid.of(eta);
    return new Estimate(mu, mu * (1 - mu) * se, Sigmoid.of(eta - Estimate.Z95 * se), Sigmoid.of(eta + Estimate.Z95 * se));
  }

  private static WeightedMean[] means() {
    WeightedMean[] out = new WeightedMean[OUTCOMES.length];
    for (int o = 0; o < out.length; o++) {
      out[o] = new WeightedMean();
    }
    return out;
  }

  /**
   * E-value of the interval on the risk-ratio scale against the predicted rate without the tag;
   * null when that rate is not positive.
   */
  private static Double sensitivity(double controlMean, Estimate e) {
    if (!(controlMean > 0)) {
      return null;
    }
    double low = Math.max(1e-9, (controlMean + e.ciLow()) / controlMean);
    double high = Math.max(1e-9, (controlMean + e.ciHigh()) / controlMean);
    return EValue.ofInterval(low, high);
  }
}
