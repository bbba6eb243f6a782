package io.tagcf.models.simulation;

/**
 * Size and seed of a simulated short-video world. Everything else (effect sizes, policy strength)
 * is fixed by the simulator's design, documented in docs/ESTIMATION.md.
 *
 * @param videos number of videos
 * @param users number of users
 * @param exposures number of logged exposures (impressions)
 * @param tags size of the tag vocabulary (at least 5: every video carries 3 to 5 distinct tags)
 * @param segments user segments (age band x city tier)
 * @param seed the world and its exposures are a pure function of the configuration
 */
public record SimulationConfig(int videos, int users, long exposures, int tags, int segments, long seed) {

  /** Share of exposures whose video is drawn uniformly within the feed (the exploration slice). */
  public static final double EXPLORATION_SHARE = 0.05;
  /** Share of tags with no effect on any outcome in any segment. */
  public static final double PLACEBO_TAG_SHARE = 0.25;
  /** Share of the other tags' (segment, outcome) effects that are exactly zero. */
  public static final double ZERO_CELL_SHARE = 0.10;

  public SimulationConfig {
    if (videos < 1) {
      throw new IllegalArgumentException("videos must be >= 1");
    }
    if (users < 1) {
      throw new IllegalArgumentException("users must be >= 1");
    }
    if (exposures < 0) {
      throw new IllegalArgumentException("exposures must be >= 0");
    }
    if (tags < 5) {
      throw new IllegalArgumentException("tags must be >= 5 (each video carries 3 to 5 distinct tags)");
    }
    if (segments < 1) {
      throw new IllegalArgumentException("segments must be >= 1");
    }
  }

  /** Content categories ("feeds"): about one per five tags, between 2 and 12. */
  public int categories() {
    return Math.max(2, Math.min(12, tags / 5));
  }

  public int creators() {
    return Math.max(1, videos / 8);
  }
}
