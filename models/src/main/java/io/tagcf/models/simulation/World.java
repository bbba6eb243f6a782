package io.tagcf.models.simulation;

import io.tagcf.models.interactions.Outcome;

import java.util.List;

/**
 * A generated short-video world: users, creators, videos with tags, the true tag effects and the
 * logging policy. Immutable after {@link WorldBuilder#build}; exposures are drawn from it by
 * {@link ExposureSimulator}.
 *
 * <p>Outcome model for user u (segment s, taste theta_u) seeing video v (category k):
 *
 * <pre>
 *   eta_o = base_o + segment_o[s] + category_o[k] + taste_o theta_u[k] + size_o z_size(v)
 *           + duration_o z_duration(v) + quality_o q(v) + sum_{c in tags(v)} tau_o[s][c]
 *   P(click) = sigmoid(eta_click), P(complete | click) = sigmoid(eta_completion),
 *   P(like | complete) = sigmoid(eta_like)
 * </pre>
 *
 * q(v) is latent video quality, independent of everything else; theta_u is the user's latent
 * taste per category. Neither is in the analysis data, and neither confounds a tag: see
 * {@link ExposureSimulator} for why.
 */
public final class World {
  final SimulationConfig config;
  final List<Segment> segments;
  // Users.
  final int[] userSegment;
  final double[] userActivity;
  final double[][] userTaste;
  final double[] userAliasProbability;
  final int[] userAlias;
  // Creators and videos.
  final double[] creatorFollowers;
  final int[] videoCreator;
  final int[] videoCategory;
  final double[] videoDuration;
  final double[] videoQuality;
  final int[][] videoTags;
  final long[][] videoTagMask;
  // Tags.
  final int[] tagCategory;
  final boolean[] placeboTag;
  /** tau[outcome][segment * tags + tag] on the logit scale. */
  final double[][] tau;
  /** exp(-tau) and exp(+tau), laid out [outcome * cells + segment * tags + tag]. */
  final double[] tauExpNeg;
  final double[] tauExpPos;
  /** Per segment, tags with any non-zero effect there (the ones whose truth needs computing). */
  final int[][] activeTags;
  // Outcome model terms.
  final double[][] segmentTerm;
  final double[][] categoryTerm;
  static final double[] BASE = {-1.4, -0.2, -1.0};
  static final double[] TASTE = {0.5, 0.3, 0.3};
  static final double[] SIZE = {0.5, 0.10, 0.20};
  static final double[] DURATION = {0.0, -0.6, 0.0};
  static final double[] QUALITY = {1.0, 0.5, 0.5};
  /** Video part of the logits without segment, taste and tag terms: videoStatic[o][video]. */
  final double[][] videoStatic;
  // Logging policy: per (segment, category) cumulative weights over that category's videos.
  final int[][] categoryVideos;
  final double[][][] policyCumulative;
  /** Alias tables of the policy per (segment, category): O(1) draws of a feed's video. */
  final double[][][] policyProbability;
  final int[][][] policyAlias;
  /** Per user, cumulative category-choice probabilities exp(taste) over non-empty feeds. */
  final float[][] userCategoryCumulative;
  static final double POLICY_TASTE = 1.0;

  World(Builder b) {
    this.config = b.config;
    this.segments = List.copyOf(b.segments);
    this.userSegment = b.userSegment;
    this.userActivity = b.userActivity;
    this.userTaste = b.userTaste;
    this.userAliasProbability = b.userAliasProbability;
    this.userAlias = b.userAlias;
    this.creatorFollowers = b.creatorFollowers;
    this.videoCreator = b.videoCreator;
    this.videoCategory = b.videoCategory;
    this.videoDuration = b.videoDuration;
    this.videoQuality = b.videoQuality;
    this.videoTags = b.videoTags;
    this.videoTagMask = b.videoTagMask;
    this.tagCategory = b.tagCategory;
    this.placeboTag = b.placeboTag;
    this.tau = b.tau;
    this.activeTags = b.activeTags;
    int cells = b.tau[0].length;
    this.tauExpNeg = new double[3 * cells];
    this.tauExpPos = new double[3 * cells];
    for (int o = 0; o < 3; o++) {
      for (int c = 0; c < cells; c++) {
        tauExpNeg[o * cells + c] = Math.exp(-b.tau[o][c]);
        tauExpPos[o * cells + c] = Math.exp(b.tau[o][c]);
      }
    }
    this.segmentTerm = b.segmentTerm;
    this.categoryTerm = b.categoryTerm;
    this.videoStatic = b.videoStatic;
    this.categoryVideos = b.categoryVideos;
    this.policyCumulative = b.policyCumulative;
    int segments = b.segments.size();
    int categories = b.categoryVideos.length;
    this.policyProbability = new double[segments][categories][];
    this.policyAlias = new int[segments][categories][];
    for (int s = 0; s < segments; s++) {
      for (int k = 0; k < categories; k++) {
        double[] cumulative = b.policyCumulative[s][k];
        double[] weights = new double[cumulative.length];
        for (int i = 0; i < weights.length; i++) {
          weights[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
        }
        if (weights.length > 0) {
          AliasTable alias = AliasTable.of(weights);
          policyProbability[s][k] = alias.probability();
          policyAlias[s][k] = alias.alias();
        }
      }
    }
    this.userCategoryCumulative = new float[b.userTaste.length][];
    for (int u = 0; u < b.userTaste.length; u++) {
      float[] cumulative = new float[categories];
      double total = 0;
      for (int k = 0; k < categories; k++) {
        total += b.categoryVideos[k].length == 0 ? 0 : Math.exp(POLICY_TASTE * b.userTaste[u][k]);
        cumulative[k] = (float) total;
      }
      userCategoryCumulative[u] = cumulative;
    }
  }

  /** Mutable staging area filled by {@link WorldBuilder}. */
  static final class Builder {
    SimulationConfig config;
    List<Segment> segments;
    int[] userSegment;
    double[] userActivity;
    double[][] userTaste;
    double[] userAliasProbability;
    int[] userAlias;
    double[] creatorFollowers;
    int[] videoCreator;
    int[] videoCategory;
    double[] videoDuration;
    double[] videoQuality;
    int[][] videoTags;
    long[][] videoTagMask;
    int[] tagCategory;
    boolean[] placeboTag;
    double[][] tau;
    int[][] activeTags;
    double[][] segmentTerm;
    double[][] categoryTerm;
    double[][] videoStatic;
    int[][] categoryVideos;
    double[][][] policyCumulative;
  }

  public SimulationConfig config() {
    return config;
  }

  public List<Segment> segments() {
    return segments;
  }

  public int userSegment(int user) {
    return userSegment[user];
  }

  public double userActivity(int user) {
    return userActivity[user];
  }

  /** Latent taste per category (not observed by the platform; written out for inspection). */
  public double[] userTaste(int user) {
    return userTaste[user].clone();
  }

  public int videoCreator(int video) {
    return videoCreator[video];
  }

  public double creatorFollowers(int creator) {
    return creatorFollowers[creator];
  }

  public double videoFollowers(int video) {
    return creatorFollowers[videoCreator[video]];
  }

  public int videoCategory(int video) {
    return videoCategory[video];
  }

  public double videoDurationSeconds(int video) {
    return videoDuration[video];
  }

  public int[] videoTags(int video) {
    return videoTags[video].clone();
  }

  public boolean hasTag(int video, int tag) {
    return (videoTagMask[video][tag >>> 6] & (1L << (tag & 63))) != 0;
  }

  public int tagCategory(int tag) {
    return tagCategory[tag];
  }

  /** True when the tag has no effect on any outcome in any segment. */
  public boolean placeboTag(int tag) {
    return placeboTag[tag];
  }

  /** The true logit-scale effect of a tag on one funnel stage in one segment. */
  public double tagEffect(Outcome outcome, int segment, int tag) {
    return tau[outcome.ordinal()][segment * config.tags() + tag];
  }

  /**
   * True when toggling the tag cannot change this outcome's probability in this segment: its
   * effect on this stage and every earlier stage of the funnel is exactly zero.
   */
  public boolean zeroEffect(Outcome outcome, int segment, int tag) {
    for (int o = 0; o <= outcome.ordinal(); o++) {
      if (tau[o][segment * config.tags() + tag] != 0.0) {
        return false;
      }
    }
    return true;
  }

  public static String tagName(int tag) {
    return "tag_" + tag;
  }

  public static String categoryName(int category) {
    return "cat_" + category;
  }
}
