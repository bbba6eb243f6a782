package io.tagcf.models.effects;

import io.tagcf.models.causal.regression.Sigmoid;
import io.tagcf.models.interactions.Outcome;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small world with known effects for the estimator's tests, in which the estimator's outcome
 * model is correctly specified: each outcome's logit is linear in one numeric covariate x, the
 * category, a confounding tag (id 2) and the treated tag (id 1), whose effect on the logit is
 * {@code tau[outcome]} in every segment. A noise tag (id 3) does nothing. With {@code curvature},
 * the logit also has a term in x^2 that the outcome model cannot follow.
 *
 * <p>The treated tag is carried with probability sigmoid(treatedLogit + confounding (x + tag 2)),
 * so confounding 0 is a randomised design. Each video gets 5 to 64 exposures in each of the
 * segments "young" and "old"; in "old" a tagged video gets {@code favour} times as many (a
 * recommender that favours the tag there). Each exposure is exploration traffic with probability
 * exploreTreated or exploreControl, by whether the video carries the tag.
 */
final class EffectWorld {
  static final long TAG = 1;
  static final long CONFOUNDER = 2;
  static final long NOISE = 3;
  static final List<String> SEGMENTS = List.of("young", "old");

  /** The knobs; see the class comment. */
  record Spec(int videos, double confounding, double treatedLogit, double[] tau, double favour,
      double exploreTreated, double exploreControl, double curvature, long seed) {

    static Spec randomised(int videos, long seed) {
      return new Spec(videos, 0, 0, new double[] {0.6, 0, -0.5}, 1, 0, 0, 0, seed);
    }

    Spec confounded(double strength) {
      return new Spec(videos, strength, treatedLogit, tau, favour, exploreTreated, exploreControl, curvature, seed);
    }

    Spec rarer(double logit) {
      return new Spec(videos, confounding, logit, tau, favour, exploreTreated, exploreControl, curvature, seed);
    }

    Spec favouredIn(double factor) {
      return new Spec(videos, confounding, treatedLogit, tau, factor, exploreTreated, exploreControl, curvature, seed);
    }

    Spec exploring(double treated, double control) {
      return new Spec(videos, confounding, treatedLogit, tau, favour, treated, control, curvature, seed);
    }

    Spec withEffects(double... effects) {
      return new Spec(videos, confounding, treatedLogit, effects, favour, exploreTreated, exploreControl, curvature,
          seed);
    }

    /** Adds curvature (x^2 - 1) to every outcome's logit: a term the estimator's outcome model lacks. */
    Spec curved(double c) {
      return new Spec(videos, confounding, treatedLogit, tau, favour, exploreTreated, exploreControl, c, seed);
    }
  }

  final VideoDesign design;
  /** base[outcome][video]: the logit without the tag. */
  final double[][] base;
  final boolean[] treated;
  final double[] tau;

  private EffectWorld(VideoDesign design, double[][] base, boolean[] treated, double[] tau) {
    this.design = design;
    this.base = base;
    this.treated = treated;
    this.tau = tau;
  }

  static EffectWorld generate(Spec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    int n = spec.videos();
    int outcomes = Outcome.values().length;
    double[][] base = new double[outcomes][n];
    boolean[] treated = new boolean[n];
    VideoDesign.Builder b = VideoDesign.builder(SEGMENTS, new long[] {TAG, CONFOUNDER, NOISE}, List.of("x"));
    double[] intercept = {-1.0, -0.3, -2.0};
    double[] xEffect = {0.8, -0.5, 0.4};
    double[] confounderEffect = {0.6, -0.3, 0.5};
    for (int v = 0; v < n; v++) {
      double x = random.nextGaussian();
      boolean confounder = random.nextDouble() < 0.4;
      boolean noise = random.nextDouble() < 0.3;
      boolean other = random.nextDouble() < 0.5;
      double z = x + (confounder ? 1 : 0) - 0.4;
      treated[v] = random.nextDouble() < Sigmoid.of(spec.treatedLogit() + spec.confounding() * z);
      long[] tags = new long[] {treated[v] ? TAG : -1, confounder ? CONFOUNDER : -1, noise ? NOISE : -1};
      String id = "v" + v;
      b.video(id, tags, other ? "sport" : "music", new double[] {x});
      for (int o = 0; o < outcomes; o++) {
        base[o][v] = intercept[o] + xEffect[o] * x + (other ? 0.3 : 0) + (confounder ? confounderEffect[o] : 0)
            + spec.curvature() * (x * x - 1);
      }
      for (String segment : SEGMENTS) {
        int exposures = 5 + random.nextInt(60);
        if (segment.equals("old") && treated[v]) {
          exposures = (int) Math.round(exposures * spec.favour());
        }
        double explore = treated[v] ? spec.exploreTreated() : spec.exploreControl();
        int[] successes = new int[outcomes];
        int[] exploreSuccesses = new int[outcomes];
        int exploreExposures = 0;
        for (int e = 0; e < exposures; e++) {
          boolean exploring = random.nextDouble() < explore;
          exploreExposures += exploring ? 1 : 0;
          for (int o = 0; o < outcomes; o++) {
            boolean success = random.nextDouble() < Sigmoid.of(base[o][v] + (treated[v] ? spec.tau()[o] : 0));
            successes[o] += success ? 1 : 0;
            exploreSuccesses[o] += success && exploring ? 1 : 0;
          }
        }
        b.cell(id, segment, exposures, successes, exploreExposures, exploreSuccesses);
      }
    }
    return new EffectWorld(b.build(), base, treated, spec.tau().clone());
  }

  /** The design index of the treated tag. */
  int tag() {
    return 0;
  }

  /** The true effect: the exposure-weighted mean over the segment's videos of the change in rate. */
  double truth(String segment, Outcome outcome) {
    int s = design.segments().indexOf(segment);
    int o = outcome.ordinal();
    double sum = 0;
    double total = 0;
    for (int v = 0; v < design.videoCount(); v++) {
      int w = design.exposures(s, v);
      int original = Integer.parseInt(design.videoId(v).substring(1));
      sum += w * (Sigmoid.of(base[o][original] + tau[o]) - Sigmoid.of(base[o][original]));
      total += w;
    }
    return sum / total;
  }

  /**
   * The difference between the exposure-weighted mean true rates of the tagged videos (with the
   * tag) and of the others (without it): what the naive contrast and the exploration instrument
   * estimate.
   */
  double armContrast(String segment, Outcome outcome) {
    int s = design.segments().indexOf(segment);
    double[] sum = new double[2];
    double[] total = new double[2];
    for (int v = 0; v < design.videoCount(); v++) {
      int arm = design.carries(v, tag()) ? 1 : 0;
      int w = design.exposures(s, v);
      sum[arm] += w * rate(v, outcome, arm == 1);
      total[arm] += w;
    }
    return sum[1] / total[1] - sum[0] / total[0];
  }

  /** The true exposure-weighted mean rate without the tag. */
  double controlRate(String segment, Outcome outcome) {
    int s = design.segments().indexOf(segment);
    int o = outcome.ordinal();
    double sum = 0;
    double total = 0;
    for (int v = 0; v < design.videoCount(); v++) {
      int w = design.exposures(s, v);
      int original = Integer.parseInt(design.videoId(v).substring(1));
      sum += w * Sigmoid.of(base[o][original]);
      total += w;
    }
    return sum / total;
  }

  /** The true rate of a video of the design with ({@code on}) or without the tag. */
  double rate(int video, Outcome outcome, boolean on) {
    int original = Integer.parseInt(design.videoId(video).substring(1));
    return Sigmoid.of(base[outcome.ordinal()][original] + (on ? tau[outcome.ordinal()] : 0));
  }
}
