package io.tagcf.models.simulation;

import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.interactions.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated study as the effect pipeline's compressed design: what the platform would observe
 * (each video's category, creator size, duration and tags; per-segment counts), and nothing it
 * would not (quality, taste). Tag ids are the tag indexes; segments are named by their labels.
 */
public final class StudyDesign {
  public static final List<String> DENSE = List.of("log10_followers", "log_duration");

  private StudyDesign() {}

  public static VideoDesign of(SimulatedStudy study) {
    World world = study.world();
    SimulationConfig config = study.config();
    List<String> segments = new ArrayList<>();
    for (Segment s : world.segments()) {
      segments.add(s.label());
    }
    long[] tagIds = new long[config.tags()];
    for (int t = 0; t < tagIds.length; t++) {
      tagIds[t] = t;
    }
    VideoDesign.Builder b = VideoDesign.builder(segments, tagIds, DENSE);
    int outcomes = Outcome.values().length;
    for (int v = 0; v < config.videos(); v++) {
      String id = videoId(v);
      long[] tags = java.util.Arrays.stream(world.videoTags[v]).asLongStream().toArray();
      b.video(id, tags, World.categoryName(world.videoCategory(v)),
          new double[] {Math.log10(world.videoFollowers(v)), Math.log(world.videoDurationSeconds(v))});
      for (int s = 0; s < config.segments(); s++) {
        int[] succ = new int[outcomes];
        int[] explore = new int[outcomes];
        for (Outcome o : Outcome.values()) {
          succ[o.ordinal()] = study.stats().count(o, v, s);
          explore[o.ordinal()] = study.stats().exploreCount(o, v, s);
        }
        b.cell(id, segments.get(s), study.stats().exposures(v, s), succ, study.stats().exploreExposures(v, s),
            explore);
      }
    }
    return b.build();
  }

  public static String videoId(int video) {
    return "v" + video;
  }
}
