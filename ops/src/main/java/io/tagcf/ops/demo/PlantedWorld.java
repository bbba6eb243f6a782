package io.tagcf.ops.demo;

import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.interactions.UserProfile;
import io.tagcf.models.simulation.Catalog;
import io.tagcf.models.simulation.Segment;
import io.tagcf.models.simulation.SimulatedLog;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
import io.tagcf.store.video.CatalogVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated world on the platform's own videos (their tags, categories, creators and durations)
 * with true effects planted on the given tags (some exactly zero): its users and its exposure log
 * as interaction-log rows, and the truth those exposures carry, so estimates can be checked
 * against it. Segments are age band x city tier: snapshots use {@link SimulatedInteractions#SEGMENTS}.
 */
public final class PlantedWorld {
  private final World world;
  private final TruthTable truth;
  private final Map<Long, Integer> tagIndex;
  private final Map<String, Integer> segmentIndex = new HashMap<>();
  private final List<String> videoIds;
  private final String prefix;
  private boolean streamed;

  private PlantedWorld(World world, Map<Long, Integer> tagIndex, List<String> videoIds, String prefix) {
    this.world = world;
    this.truth = new TruthTable(world);
    this.tagIndex = tagIndex;
    this.videoIds = videoIds;
    this.prefix = prefix;
    for (Segment s : world.segments()) {
      segmentIndex.put(SimulatedLog.segmentKey(s), s.id());
    }
  }

  /**
   * @param tags the tags that get effects and are kept on the videos (the cover set); others are
   *     dropped from the world
   */
  public static PlantedWorld on(List<CatalogVideo> videos, Set<Long> tags, int users, long exposures, int segments,
      long seed) {
    Map<Long, Integer> tagIndex = new LinkedHashMap<>();
    tags.stream().sorted().forEach(t -> tagIndex.put(t, tagIndex.size()));
    Map<String, Integer> categories = new HashMap<>();
    Map<String, Integer> creators = new HashMap<>();
    int n = videos.size();
    int[][] videoTags = new int[n][];
    int[] category = new int[n];
    int[] creator = new int[n];
    double[] duration = new double[n];
    List<String> ids = new ArrayList<>(n);
    for (int v = 0; v < n; v++) {
      CatalogVideo video = videos.get(v);
      ids.add(video.videoId());
      videoTags[v] = Arrays.stream(video.itemTagIds()).filter(tagIndex::containsKey)
          .mapToInt(t -> tagIndex.get(t)).toArray();
      category[v] = categories.computeIfAbsent(String.valueOf(video.category()), k -> categories.size());
      creator[v] = creators.computeIfAbsent(video.creatorId(), k -> creators.size());
      duration[v] = video.durationSeconds() == null ? Double.NaN : video.durationSeconds();
    }
    SimulationConfig config = new SimulationConfig(n, users, exposures, Math.max(5, tagIndex.size()), segments, seed);
    World world = WorldBuilder.build(config, new Catalog(videoTags, category, creator, duration));
    return new PlantedWorld(world, tagIndex, ids, "sim" + seed + "-");
  }

  /** The world's users with their segment's age band and city tier. */
  public List<UserProfile> users() {
    return SimulatedLog.users(world, prefix);
  }

  /**
   * The world's exposures, simulated as they are read and spread over the {@code windowDays} days
   * before {@code windowEnd}; the truth accumulates as they pass, so they can be read only once.
   */
  public SimulatedLog exposures(Instant windowEnd, int windowDays) {
    if (streamed) {
      throw new IllegalStateException("the exposures were already streamed (the truth counts each once)");
    }
    streamed = true;
    return SimulatedLog.start(world, videoIds, prefix, windowEnd.minus(Duration.ofDays(windowDays)),
        Duration.ofDays(windowDays).minusHours(1), truth);
  }

  /**
   * The true effect (ATE over the segment's exposures) of a planted tag, once the exposures are
   * read; null for a tag or segment the world does not have (the pooled segment included).
   */
  public TruthTable.Row truth(long tagId, String segment, Outcome outcome) {
    Integer t = tagIndex.get(tagId);
    Integer s = segmentIndex.get(segment);
    return t == null || s == null ? null : truth.row(t, s, outcome);
  }

  public World world() {
    return world;
  }
}
