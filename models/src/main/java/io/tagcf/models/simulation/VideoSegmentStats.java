package io.tagcf.models.simulation;

import io.tagcf.models.interactions.Outcome;

/**
 * Per (video, segment) sufficient statistics of the exposure log: exposures, clicks, completions,
 * likes. These are what the video-level design is built from (the SQL aggregation of the
 * production pipeline does the same). Sink for {@link ExposureSimulator}.
 */
public final class VideoSegmentStats implements ExposureSink {
  private final World world;
  private final int segments;
  final int[] exposures;
  final int[] clicks;
  final int[] completions;
  final int[] likes;
  final int[] exploreExposures;
  final int[][] exploreSuccesses;

  public VideoSegmentStats(World world) {
    this.world = world;
    this.segments = world.config.segments();
    int cells = world.config.videos() * segments;
    this.exposures = new int[cells];
    this.clicks = new int[cells];
    this.completions = new int[cells];
    this.likes = new int[cells];
    this.exploreExposures = new int[cells];
    this.exploreSuccesses = new int[Outcome.values().length][cells];
  }

  @Override
  public void accept(ExposureBlock block) {
    for (int i = 0; i < block.size; i++) {
      int cell = block.video[i] * segments + world.userSegment[block.user[i]];
      exposures[cell]++;
      if (block.clicked[i]) {
        clicks[cell]++;
      }
      if (block.completed[i]) {
        completions[cell]++;
      }
      if (block.liked[i]) {
        likes[cell]++;
      }
      if (block.explore[i]) {
        exploreExposures[cell]++;
        exploreSuccesses[0][cell] += block.clicked[i] ? 1 : 0;
        exploreSuccesses[1][cell] += block.completed[i] ? 1 : 0;
        exploreSuccesses[2][cell] += block.liked[i] ? 1 : 0;
      }
    }
  }

  public int exposures(int video, int segment) {
    return exposures[video * segments + segment];
  }

  /** Exposures of the cell that came from the exploration slice. */
  public int exploreExposures(int video, int segment) {
    return exploreExposures[video * segments + segment];
  }

  public int exploreCount(Outcome outcome, int video, int segment) {
    return exploreSuccesses[outcome.ordinal()][video * segments + segment];
  }

  public int count(Outcome outcome, int video, int segment) {
    int cell = video * segments + segment;
    return switch (outcome) {
      case CLICK -> clicks[cell];
      case COMPLETION -> completions[cell];
      case LIKE -> likes[cell];
    };
  }
}
