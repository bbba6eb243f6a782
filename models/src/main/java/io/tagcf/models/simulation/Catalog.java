package io.tagcf.models.simulation;

/**
 * Videos as a platform knows them, for {@link WorldBuilder#build(SimulationConfig, Catalog)}: per
 * video the tag indexes it carries, a category index, a creator index and its duration.
 */
public record Catalog(int[][] videoTags, int[] videoCategory, int[] videoCreator, double[] durationSeconds) {

  public Catalog {
    int n = videoTags.length;
    if (videoCategory.length != n || videoCreator.length != n || durationSeconds.length != n) {
      throw new IllegalArgumentException("catalog arrays differ in length");
    }
  }

  public int videos() {
    return videoTags.length;
  }

  /** Follower count (log10) of a creator with {@code videos} catalog videos: 2.5 + 1.5 ln(1 + videos), at most 7.5. */
  public static double log10Followers(int videos) {
    return Math.min(7.5, 2.5 + 1.5 * Math.log1p(videos));
  }
}
