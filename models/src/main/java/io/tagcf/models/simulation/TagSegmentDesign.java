package io.tagcf.models.simulation;

import io.tagcf.models.interactions.Outcome;

import io.tagcf.models.causal.CausalData;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis-ready video-level design for one tag in one segment: one row per video with at
 * least one exposure in the segment, the treatment "carries the tag", the outcome rates, the
 * exposure count as row weight, and the observable confounders (category, creator size, duration,
 * every other tag). Weighting by exposures makes the estimand the average over the segment's
 * exposures, which is how the truth is defined.
 */
public final class TagSegmentDesign {
  private final World world;
  private final int tag;
  private final int segment;
  private final int[] videos;
  private final double[] exposures;
  private final double[][] rates;

  private TagSegmentDesign(World world, int tag, int segment, int[] videos, double[] exposures, double[][] rates) {
    this.world = world;
    this.tag = tag;
    this.segment = segment;
    this.videos = videos;
    this.exposures = exposures;
    this.rates = rates;
  }

  public static TagSegmentDesign build(World world, VideoSegmentStats stats, int tag, int segment) {
    if (tag < 0 || tag >= world.config.tags()) {
      throw new IllegalArgumentException("tag " + tag + " is outside 0.." + (world.config.tags() - 1));
    }
    if (segment < 0 || segment >= world.config.segments()) {
      throw new IllegalArgumentException("segment " + segment + " is outside 0.." + (world.config.segments() - 1));
    }
    List<Integer> rows = new ArrayList<>();
    for (int v = 0; v < world.config.videos(); v++) {
      if (stats.exposures(v, segment) > 0) {
        rows.add(v);
      }
    }
    int n = rows.size();
    int[] videos = new int[n];
    double[] exposures = new double[n];
    double[][] rates = new double[3][n];
    for (int i = 0; i < n; i++) {
      int v = rows.get(i);
      videos[i] = v;
      exposures[i] = stats.exposures(v, segment);
      for (Outcome o : Outcome.values()) {
        rates[o.ordinal()][i] = stats.count(o, v, segment) / exposures[i];
      }
    }
    return new TagSegmentDesign(world, tag, segment, videos, exposures, rates);
  }

  public int size() {
    return videos.length;
  }

  public int tag() {
    return tag;
  }

  public int segment() {
    return segment;
  }

  public int video(int row) {
    return videos[row];
  }

  public boolean treated(int row) {
    return world.hasTag(videos[row], tag);
  }

  /** Whether the row's video carries the given (other) tag. */
  public boolean carries(int row, int otherTag) {
    return world.hasTag(videos[row], otherTag);
  }

  public double exposures(int row) {
    return exposures[row];
  }

  public double rate(Outcome outcome, int row) {
    return rates[outcome.ordinal()][row];
  }

  public String category(int row) {
    return World.categoryName(world.videoCategory[videos[row]]);
  }

  public double logFollowers(int row) {
    return Math.log10(world.videoFollowers(videos[row]));
  }

  public double logDuration(int row) {
    return Math.log(world.videoDuration[videos[row]]);
  }

  /** The other tags, in id order: the covariate columns tag_j. */
  public int[] otherTags() {
    int[] out = new int[world.config.tags() - 1];
    int k = 0;
    for (int c = 0; c < world.config.tags(); c++) {
      if (c != tag) {
        out[k++] = c;
      }
    }
    return out;
  }

  /**
   * The design as estimator input: category one-hot (first level dropped), log10 followers, log
   * duration and the other tags' indicators as covariates, exposures as weights.
   */
  public CausalData toCausalData(Outcome outcome) {
    int n = size();
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = treated(i) ? 1 : 0;
    }
    CausalData.Builder b = CausalData.builder(t, rates[outcome.ordinal()].clone()).weights(exposures.clone());
    for (int k = 1; k < world.config.categories(); k++) {
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = world.videoCategory[videos[i]] == k ? 1 : 0;
      }
      b.covariate("category=" + World.categoryName(k), col);
    }
    double[] followers = new double[n];
    double[] duration = new double[n];
    for (int i = 0; i < n; i++) {
      followers[i] = logFollowers(i);
      duration[i] = logDuration(i);
    }
    b.covariate("log_followers", followers);
    b.covariate("log_duration", duration);
    for (int c : otherTags()) {
      double[] col = new double[n];
      for (int i = 0; i < n; i++) {
        col[i] = world.hasTag(videos[i], c) ? 1 : 0;
      }
      b.covariate(World.tagName(c), col);
    }
    return b.build();
  }
}
