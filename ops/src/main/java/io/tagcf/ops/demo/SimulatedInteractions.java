package io.tagcf.ops.demo;

import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.Catalog;
import io.tagcf.models.simulation.Segment;
import io.tagcf.models.simulation.SimulatedLog;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
import io.tagcf.store.interactions.InteractionLoader;
import io.tagcf.store.interactions.LoadResult;
import io.tagcf.store.video.CatalogVideo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The demo's interaction log: a simulated world on the platform's own videos (their tags,
 * categories, creators and durations), with true effects planted on the given tags (some exactly
 * zero), its users and exposures loaded through the bulk loader. Keeps the truth, so estimates can
 * be checked against it. Segments are age band x city tier: snapshots use {@link #SEGMENTS}.
 */
public final class SimulatedInteractions {
  public static final String SEGMENTS = "age_band,city_tier";
  private final World world;
  private final TruthTable truth;
  private final Map<Long, Integer> tagIndex;
  private final Map<String, Integer> segmentIndex;
  private final LoadResult users;
  private final LoadResult exposures;

  private SimulatedInteractions(World world, TruthTable truth, Map<Long, Integer> tagIndex,
      Map<String, Integer> segmentIndex, LoadResult users, LoadResult exposures) {
    this.world = world;
    this.truth = truth;
    this.tagIndex = tagIndex;
    this.segmentIndex = segmentIndex;
    this.users = users;
    this.exposures = exposures;
  }

  /**
   * @param tags the tags that get effects and are kept on the videos (the cover set); others are
   *     dropped from the world
   * @param windowEnd exposures are spread over the {@code windowDays} days before it
   */
  public static SimulatedInteractions load(DataSource ds, List<CatalogVideo> videos, Set<Long> tags, int users,
      long exposures, int segments, long seed, Instant windowEnd, int windowDays, LongConsumer progress) {
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
      videoTags[v] = java.util.Arrays.stream(video.itemTagIds()).filter(tagIndex::containsKey)
          .mapToInt(t -> tagIndex.get(t)).toArray();
      category[v] = categories.computeIfAbsent(String.valueOf(video.category()), k -> categories.size());
      creator[v] = creators.computeIfAbsent(video.creatorId(), k -> creators.size());
      duration[v] = video.durationSeconds() == null ? Double.NaN : video.durationSeconds();
    }
    SimulationConfig config = new SimulationConfig(n, users, exposures, Math.max(5, tagIndex.size()), segments, seed);
    World world = WorldBuilder.build(config, new Catalog(videoTags, category, creator, duration));
    TruthTable truth = new TruthTable(world);
    String prefix = "sim" + seed + "-";
    InteractionLoader loader = new InteractionLoader(ds);
    LongConsumer report = progress == null ? done -> { } : progress;
    LoadResult loadedUsers = loader.loadUsers(SimulatedLog.users(world, prefix).iterator(), done -> { });
    LoadResult loadedExposures = loader.loadExposures(SimulatedLog.start(world, ids, prefix,
        windowEnd.minus(Duration.ofDays(windowDays)), Duration.ofDays(windowDays).minusHours(1), truth), report);
    Map<String, Integer> segmentIndex = new HashMap<>();
    for (Segment s : world.segments()) {
      segmentIndex.put(SimulatedLog.segmentKey(s), s.id());
    }
    return new SimulatedInteractions(world, truth, tagIndex, segmentIndex, loadedUsers, loadedExposures);
  }

  public LoadResult users() {
    return users;
  }

  public LoadResult exposures() {
    return exposures;
  }

  /**
   * The true effect (ATE over the segment's exposures) of a planted tag; null for a tag or
   * segment the world does not have (the pooled segment included).
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
