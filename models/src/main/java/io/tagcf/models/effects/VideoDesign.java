package io.tagcf.models.effects;

import io.tagcf.models.interactions.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compressed data of one effect snapshot: per (video, segment) sufficient statistics of the
 * exposure log (exposures and successes per outcome, overall and in exploration traffic) and, per
 * video, the bounded confounder set the designs adjust for: a few numeric covariates
 * (standardised), one content category and the cover-set tags the video carries. Every tag's
 * design is a view of this one object: treatment = carries the tag, rows = videos exposed in the
 * segment, weights = their exposures.
 *
 * <p>Built once per snapshot with {@link Builder}; immutable and safe to share between threads.
 */
public final class VideoDesign {
  /** The segment that pools all users, added by the builder. */
  public static final String ALL_SEGMENTS = "all";
  static final int OUTCOMES = Outcome.values().length;

  final String[] videoIds;
  final List<String> segments;
  final int[][] exposures;
  final int[][][] successes;
  final int[][] exploreExposures;
  final int[][][] exploreSuccesses;
  final List<String> denseNames;
  final double[][] dense;
  final List<String> categories;
  final int[] category;
  final long[] tagIds;
  final int[][] videoTags;
  final int[][] tagVideos;

  private VideoDesign(Builder b) {
    int n = b.videoIds.size();
    this.videoIds = b.videoIds.toArray(String[]::new);
    List<String> segs = new ArrayList<>(b.segments);
    segs.add(ALL_SEGMENTS);
    this.segments = List.copyOf(segs);
    int s = segs.size();
    this.exposures = new int[s][];
    this.exploreExposures = new int[s][];
    this.successes = new int[OUTCOMES][s][];
    this.exploreSuccesses = new int[OUTCOMES][s][];
    for (int k = 0; k < b.segments.size(); k++) {
      exposures[k] = Arrays.copyOf(b.exposures[k], n);
      exploreExposures[k] = Arrays.copyOf(b.exploreExposures[k], n);
      for (int o = 0; o < OUTCOMES; o++) {
        successes[o][k] = Arrays.copyOf(b.successes[o][k], n);
        exploreSuccesses[o][k] = Arrays.copyOf(b.exploreSuccesses[o][k], n);
      }
    }
    int all = s - 1;
    exposures[all] = sum(exposures, all, n);
    exploreExposures[all] = sum(exploreExposures, all, n);
    for (int o = 0; o < OUTCOMES; o++) {
      successes[o][all] = sum(successes[o], all, n);
      exploreSuccesses[o][all] = sum(exploreSuccesses[o], all, n);
    }
    this.denseNames = List.copyOf(b.denseNames);
    this.dense = new double[denseNames.size()][];
    for (int f = 0; f < dense.length; f++) {
      dense[f] = standardise(Arrays.copyOf(b.dense[f], n));
    }
    this.categories = List.copyOf(b.categoryIndex.keySet());
    this.category = Arrays.copyOf(b.category, n);
    this.tagIds = b.tagIds.clone();
    this.videoTags = new int[n][];
    int[] perTag = new int[tagIds.length];
    for (int v = 0; v < n; v++) {
      int[] tags = b.videoTags.get(v);
      videoTags[v] = tags;
      for (int t : tags) {
        perTag[t]++;
      }
    }
    this.tagVideos = new int[tagIds.length][];
    for (int t = 0; t < tagIds.length; t++) {
      tagVideos[t] = new int[perTag[t]];
      perTag[t] = 0;
    }
    for (int v = 0; v < n; v++) {
      for (int t : videoTags[v]) {
        tagVideos[t][perTag[t]++] = v;
      }
    }
  }

  private static int[] sum(int[][] bySegment, int segments, int n) {
    int[] out = new int[n];
    for (int k = 0; k < segments; k++) {
      for (int v = 0; v < n; v++) {
        out[v] += bySegment[k][v];
      }
    }
    return out;
  }

  /** Mean 0, SD 1; a missing value (NaN) becomes the mean, a constant column all zeros. */
  private static double[] standardise(double[] x) {
    double sum = 0;
    int count = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    double mean = count == 0 ? 0 : sum / count;
    double ss = 0;
    for (double v : x) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
    for (int i = 0; i < x.length; i++) {
      x[i] = Double.isNaN(x[i]) || sd == 0 ? 0 : (x[i] - mean) / sd;
    }
    return x;
  }

  public int videoCount() {
    return videoIds.length;
  }

  public String videoId(int video) {
    return videoIds[video];
  }

  /** The segments, the pooled {@link #ALL_SEGMENTS} last. */
  public List<String> segments() {
    return segments;
  }

  public int tagCount() {
    return tagIds.length;
  }

  public long tagId(int tag) {
    return tagIds[tag];
  }

  public int exposures(int segment, int video) {
    return exposures[segment][video];
  }

  public int successes(Outcome outcome, int segment, int video) {
    return successes[outcome.ordinal()][segment][video];
  }

  public boolean carries(int video, int tag) {
    return Arrays.binarySearch(videoTags[video], tag) >= 0;
  }

  public List<String> denseNames() {
    return denseNames;
  }

  public List<String> categories() {
    return categories;
  }

  public static Builder builder(List<String> segments, long[] tagIds, List<String> denseNames) {
    return new Builder(segments, tagIds, denseNames);
  }

  /**
   * Collects videos, then their per-segment statistics. A video without any exposure is dropped
   * when the design is built: it is in no segment's design.
   */
  public static final class Builder {
    private final List<String> segments;
    private final Map<String, Integer> segmentIndex = new HashMap<>();
    private final long[] tagIds;
    private final Map<Long, Integer> tagIndex = new HashMap<>();
    private final List<String> denseNames;
    private final List<String> videoIds = new ArrayList<>();
    private final Map<String, Integer> videoIndex = new HashMap<>();
    private final List<int[]> videoTags = new ArrayList<>();
    private final Map<String, Integer> categoryIndex = new LinkedHashMap<>();
    private int[] category = new int[16];
    private double[][] dense;
    private int[][] exposures;
    private int[][] exploreExposures;
    private int[][][] successes;
    private int[][][] exploreSuccesses;

    private Builder(List<String> segments, long[] tagIds, List<String> denseNames) {
      if (segments.isEmpty()) {
        throw new IllegalArgumentException("a design needs at least one segment");
      }
      this.segments = List.copyOf(segments);
      for (int k = 0; k < segments.size(); k++) {
        if (segments.get(k).equals(ALL_SEGMENTS) || segmentIndex.put(segments.get(k), k) != null) {
          throw new IllegalArgumentException("segment names must be distinct and not '" + ALL_SEGMENTS + "': "
              + segments.get(k));
        }
      }
      this.tagIds = tagIds.clone();
      for (int t = 0; t < tagIds.length; t++) {
        if (tagIndex.put(tagIds[t], t) != null) {
          throw new IllegalArgumentException("tag ids must be distinct: " + tagIds[t]);
        }
      }
      this.denseNames = List.copyOf(denseNames);
      int cap = 16;
      this.dense = new double[denseNames.size()][cap];
      this.exposures = new int[segments.size()][cap];
      this.exploreExposures = new int[segments.size()][cap];
      this.successes = new int[OUTCOMES][segments.size()][cap];
      this.exploreSuccesses = new int[OUTCOMES][segments.size()][cap];
    }

    /**
     * Adds a video: the cover-set tags it carries (others are ignored), its content category
     * (null: none) and its numeric covariates in {@code denseNames} order (NaN: missing).
     */
    public Builder video(String videoId, long[] carriedTagIds, String contentCategory, double[] denseValues) {
      if (denseValues.length != denseNames.size()) {
        throw new IllegalArgumentException("video " + videoId + ": expected " + denseNames.size() + " covariates, got "
            + denseValues.length);
      }
      if (videoIndex.putIfAbsent(videoId, videoIds.size()) != null) {
        throw new IllegalArgumentException("video " + videoId + " added twice");
      }
      int v = videoIds.size();
      videoIds.add(videoId);
      grow(v + 1);
      int[] tags = Arrays.stream(carriedTagIds).filter(tagIndex::containsKey).mapToInt(tagIndex::get)
          .distinct().sorted().toArray();
      videoTags.add(tags);
      String key = contentCategory == null ? "(none)" : contentCategory;
      category[v] = categoryIndex.computeIfAbsent(key, k -> categoryIndex.size());
      for (int f = 0; f < denseValues.length; f++) {
        dense[f][v] = denseValues[f];
      }
      return this;
    }

    /**
     * Adds one (video, segment) cell's counts; {@code successes} and {@code exploreSuccesses} are
     * indexed by {@link Outcome#ordinal()}. Counts of a cell given twice add up.
     */
    public Builder cell(String videoId, String segment, int exposureCount, int[] successCounts,
        int exploreExposureCount, int[] exploreSuccessCounts) {
      Integer v = videoIndex.get(videoId);
      Integer k = segmentIndex.get(segment);
      if (v == null || k == null) {
        throw new IllegalArgumentException("unknown " + (v == null ? "video " + videoId : "segment " + segment));
      }
      checkCounts(videoId, segment, exposureCount, successCounts, exploreExposureCount, exploreSuccessCounts);
      exposures[k][v] += exposureCount;
      exploreExposures[k][v] += exploreExposureCount;
      for (int o = 0; o < OUTCOMES; o++) {
        successes[o][k][v] += successCounts[o];
        exploreSuccesses[o][k][v] += exploreSuccessCounts[o];
      }
      return this;
    }

    /**
     * Counts that are not counts of one exposure log (a rate above 1, exploration traffic larger
     * than all traffic) would flow silently into every model and estimate: refused here.
     */
    private static void checkCounts(String videoId, String segment, int exposureCount, int[] successCounts,
        int exploreExposureCount, int[] exploreSuccessCounts) {
      String cell = "video " + videoId + ", segment " + segment + ": ";
      if (successCounts.length != OUTCOMES || exploreSuccessCounts.length != OUTCOMES) {
        throw new IllegalArgumentException(cell + "expected " + OUTCOMES + " success counts, one per outcome");
      }
      if (exploreExposureCount < 0 || exploreExposureCount > exposureCount) {
        throw new IllegalArgumentException(cell + "need 0 <= exploration exposures (" + exploreExposureCount
            + ") <= exposures (" + exposureCount + ")");
      }
      for (Outcome o : Outcome.values()) {
        int s = successCounts[o.ordinal()];
        int e = exploreSuccessCounts[o.ordinal()];
        if (s < 0 || s > exposureCount || e < 0 || e > s || e > exploreExposureCount) {
          throw new IllegalArgumentException(cell + o.label() + " counts need 0 <= exploration successes (" + e
              + ") <= successes (" + s + ") <= exposures (" + exposureCount
              + ") and exploration successes <= exploration exposures (" + exploreExposureCount + ")");
        }
      }
    }

    private void grow(int size) {
      if (size <= category.length) {
        return;
      }
      int cap = Math.max(size, category.length * 2);
      category = Arrays.copyOf(category, cap);
      for (int f = 0; f < dense.length; f++) {
        dense[f] = Arrays.copyOf(dense[f], cap);
      }
      for (int k = 0; k < segments.size(); k++) {
        exposures[k] = Arrays.copyOf(exposures[k], cap);
        exploreExposures[k] = Arrays.copyOf(exploreExposures[k], cap);
        for (int o = 0; o < OUTCOMES; o++) {
          successes[o][k] = Arrays.copyOf(successes[o][k], cap);
          exploreSuccesses[o][k] = Arrays.copyOf(exploreSuccesses[o][k], cap);
        }
      }
    }

    public VideoDesign build() {
      return new VideoDesign(exposedOnly());
    }

    /**
     * This builder, or a copy of it restricted to the videos with at least one exposure. The copy
     * takes the raw covariates, so that they are standardised (and missing values set to the mean)
     * over the videos the design keeps.
     */
    private Builder exposedOnly() {
      int n = videoIds.size();
      boolean[] exposed = new boolean[n];
      boolean complete = true;
      for (int v = 0; v < n; v++) {
        for (int k = 0; k < segments.size() && !exposed[v]; k++) {
          exposed[v] = exposures[k][v] > 0;
        }
        complete &= exposed[v];
      }
      if (complete) {
        return this;
      }
      List<String> categoryNames = new ArrayList<>(categoryIndex.keySet());
      Builder b = new Builder(segments, tagIds, denseNames);
      for (int v = 0; v < n; v++) {
        if (!exposed[v]) {
          continue;
        }
        long[] carried = Arrays.stream(videoTags.get(v)).mapToLong(t -> tagIds[t]).toArray();
        double[] values = new double[dense.length];
        for (int f = 0; f < dense.length; f++) {
          values[f] = dense[f][v];
        }
        b.video(videoIds.get(v), carried, categoryNames.get(category[v]), values);
        for (int k = 0; k < segments.size(); k++) {
          int[] succ = new int[OUTCOMES];
          int[] explore = new int[OUTCOMES];
          for (int o = 0; o < OUTCOMES; o++) {
            succ[o] = successes[o][k][v];
            explore[o] = exploreSuccesses[o][k][v];
          }
          b.cell(videoIds.get(v), segments.get(k), exposures[k][v], succ, exploreExposures[k][v], explore);
        }
      }
      return b;
    }
  }
}
