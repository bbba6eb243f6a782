package io.tagcf.models.simulation;

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

  public VideoSegmentStats(World world) {
    this.world = world;
    this.segments = world.config.segments();
    int cells = world.config.videos() * segments;
    this.exposures = new int[cells];
    this.clicks = new int[cells];
    this.completions = new int[cells];
    this.likes = new int[cells];
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
    }
  }

  public int exposures(int video, int segment) {
    return exposures[video * segments + segment];
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
