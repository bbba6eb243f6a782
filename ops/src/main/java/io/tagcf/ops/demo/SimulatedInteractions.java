package io.tagcf.ops.demo;

import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.World;
import io.tagcf.store.interactions.InteractionLoader;
import io.tagcf.store.interactions.LoadResult;
import io.tagcf.store.video.CatalogVideo;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The demo's interaction log: a {@link PlantedWorld} on the platform's own videos, its users and
 * exposures loaded through the bulk loader. Keeps the truth, so estimates can be checked against
 * it. Segments are age band x city tier: snapshots use {@link #SEGMENTS}.
 */
public final class SimulatedInteractions {
  public static final String SEGMENTS = "age_band,city_tier";
  private final PlantedWorld planted;
  private final LoadResult users;
  private final LoadResult exposures;

  private SimulatedInteractions(PlantedWorld planted, LoadResult users, LoadResult exposures) {
    this.planted = planted;
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
    PlantedWorld planted = PlantedWorld.on(videos, tags, users, exposures, segments, seed);
    InteractionLoader loader = new InteractionLoader(ds);
    LongConsumer report = progress == null ? done -> { } : progress;
    LoadResult loadedUsers = loader.loadUsers(planted.users().iterator(), done -> { });
    LoadResult loadedExposures = loader.loadExposures(planted.exposures(windowEnd, windowDays), report);
    return new SimulatedInteractions(planted, loadedUsers, loadedExposures);
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
    return planted.truth(tagId, segment, outcome);
  }

  public World world() {
    return planted.world();
  }
}
