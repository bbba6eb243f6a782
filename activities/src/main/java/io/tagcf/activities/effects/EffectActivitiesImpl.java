package io.tagcf.activities.effects;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.effects.SegmentScheme;
import io.tagcf.models.effects.TagEffectEstimator;
import io.tagcf.models.effects.TagEffects;
import io.tagcf.store.effects.PreparedSnapshot;
import io.tagcf.store.effects.SnapshotInfo;
import io.tagcf.store.effects.SnapshotStore;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Snapshot steps over {@link SnapshotStore}; a shard's tags are estimated on {@code threads} threads. */
public final class EffectActivitiesImpl implements EffectActivities {
  /** Failure type of a request no retry can fix. */
  public static final String INVALID_REQUEST = "InvalidEffectRequest";
  private static final Logger log = LoggerFactory.getLogger(EffectActivitiesImpl.class);
  private final SnapshotStore store;
  private final boolean explainAfterPublish;
  private final DesignCache cache;
  private final int threads;
  private final Supplier<IntConsumer> heartbeats;
  private final Duration beatEvery;

  /**
   * @param heartbeats called on the activity's thread when a shard starts; what it returns is
   *     told the number of tags done every {@code beatEvery}, from another thread (Temporal's
   *     heartbeat in a worker)
   */
  /**
   * @param explainAfterPublish whether runs start the snapshot's explanations once it is published
   */
  public EffectActivitiesImpl(SnapshotStore store, int threads, Supplier<IntConsumer> heartbeats, Duration beatEvery,
      boolean explainAfterPublish) {
    this.store = store;
    this.explainAfterPublish = explainAfterPublish;
    this.cache = new DesignCache(store::readDesign);
    this.threads = Math.max(1, threads);
    this.heartbeats = heartbeats;
    this.beatEvery = beatEvery;
  }

  /** Heartbeats through the context of the activity that asked, from whichever thread reports. */
  public static Supplier<IntConsumer> temporalHeartbeat() {
    return () -> {
      ActivityExecutionContext context = Activity.getExecutionContext();
      return context::heartbeat;
    };
  }

  @Override
  public SnapshotPlan prepareSnapshot(PrepareRequest r) {
    SegmentScheme scheme;
    try {
      scheme = SegmentScheme.parse(r.segments());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    }
    long id = store.begin(r.runKey(), r.windowStart(), r.windowEnd(), scheme, settingsJson(r.settings()));
    PreparedSnapshot p = store.prepare(id, r.shards());
    String empty = p.exposures() == 0 ? "no exposures between " + r.windowStart() + " and " + r.windowEnd()
        : p.tagIds().isEmpty() ? "no tagged videos among the window's " + p.videos() + " exposed videos" : null;
    int shards = empty == null ? p.shards() : 0;
    log.info("snapshot {}: {} exposures, {} videos, {} tags ({}), {} segments, {} shards", id, p.exposures(),
        p.videos(), p.tagIds().size(), p.tagSource(), p.segments().size(), shards);
    return new SnapshotPlan(id, shards, p.tagIds().size(), p.segments().size() + 1, p.videos(), p.exposures(), empty,
        explainAfterPublish);
  }

  @Override
  public ShardSummary estimateShard(ShardRequest r) {
    long start = System.nanoTime();
    try (ShardHeartbeat beat = new ShardHeartbeat(heartbeats.get(), beatEvery, "effects-heartbeat-" + r.shard())) {
      return estimateShard(r, beat, start);
    }
  }

  private ShardSummary estimateShard(ShardRequest r, ShardHeartbeat beat, long start) {
    TagEffectEstimator estimator = cache.estimator(r.snapshotId(), r.settings());
    List<Integer> tags = new ArrayList<>();
    for (int t = r.shard(); t < estimator.design().tagCount(); t += r.shards()) {
      tags.add(t);
    }
    List<TagEffects> results = new ArrayList<>(tags.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "effects-shard-" + r.shard());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<TagEffects>> futures = new ArrayList<>();
      for (int t : tags) {
        futures.add(pool.submit(() -> estimator.estimate(t)));
      }
      for (Future<TagEffects> f : futures) {
        results.add(f.get());
        beat.tagDone();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("shard " + r.shard() + " interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("shard " + r.shard() + " failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    store.writeShard(r.snapshotId(), r.shard(), results, seconds);
    int estimated = 0;
    int insufficient = 0;
    int attributions = 0;
    for (TagEffects e : results) {
      for (CellEstimate c : e.cells()) {
        if (c.status() == CellStatus.ESTIMATED) {
          estimated++;
        } else {
          insufficient++;
        }
      }
      attributions += e.attributions().size();
    }
    log.info("snapshot {} shard {}/{}: {} tags, {} cells estimated, {} insufficient in {}s", r.snapshotId(),
        r.shard() + 1, r.shards(), tags.size(), estimated, insufficient, String.format(Locale.ROOT, "%.1f", seconds));
    return new ShardSummary(r.shard(), tags.size(), estimated, insufficient, attributions, seconds);
  }

  @Override
  public PublishedSnapshot publishSnapshot(long snapshotId) {
    SnapshotInfo info = store.publish(snapshotId).orElseThrow(() -> ApplicationFailure.newFailure(
        "snapshot " + snapshotId + " is not ready to publish (shards missing or not running)", "SnapshotNotReady"));
    return new PublishedSnapshot(snapshotId, nz(info.cellsEstimated()), nz(info.cellsInsufficient()));
  }

  @Override
  public void failSnapshot(long snapshotId, String reason) {
    store.fail(snapshotId, reason);
  }

  private static int nz(Integer v) {
    return v == null ? 0 : v;
  }

  static String settingsJson(EffectSettings s) {
    return String.format(Locale.ROOT,
        "{\"min_treated_videos\":%d,\"min_control_videos\":%d,\"min_treated_exposures\":%d,\"min_ess\":%s,"
            + "\"cooccurring_tags\":%d,\"ridge\":%s,\"propensity_clip\":%s,\"min_attribution_exposures\":%d,"
            + "\"sensitivity_floor\":%s,\"seed\":%d}",
        s.minTreatedVideos(), s.minControlVideos(), s.minTreatedExposures(), s.minEss(), s.cooccurringTags(),
        s.ridge(), s.propensityClip(), s.minAttributionExposures(), s.sensitivityFloor(), s.seed());
  }
}
