package io.tagcf.activities.effects;

import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.effects.TagEffectEstimator;
import io.tagcf.models.effects.VideoDesign;
import java.util.function.LongFunction;

/**
 * The last snapshot's estimator in this worker process. Its shared outcome models are fitted once
 * per snapshot and process and serve every shard this process runs; a snapshot's input never
 * changes while it runs, so a cached estimator cannot go stale.
 */
final class DesignCache {
  private final LongFunction<VideoDesign> loader;
  private long snapshotId = -1;
  private EffectSettings settings;
  private TagEffectEstimator estimator;

  DesignCache(LongFunction<VideoDesign> loader) {
    this.loader = loader;
  }

  synchronized TagEffectEstimator estimator(long snapshot, EffectSettings with) {
    if (estimator == null || snapshot != snapshotId || !with.equals(settings)) {
      estimator = null;
      estimator = new TagEffectEstimator(loader.apply(snapshot), with);
      snapshotId = snapshot;
      settings = with;
    }
    return estimator;
  }
}
