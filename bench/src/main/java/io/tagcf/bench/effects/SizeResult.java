package io.tagcf.bench.effects;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tagcf.bench.effects.SnapshotBench.WorkerHeap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured at one log size, in the order the phases ran; what the results file holds.
 *
 * @param catalogSeconds drawing the catalog, storing its videos and tags, saving the cover set
 * @param catalogStoreSeconds of which storing the videos and their tags ({@code VideoCatalog.addSimulated})
 * @param writeSeconds simulating the log and writing its CSV files (not part of the load)
 * @param settleSeconds VACUUM ANALYZE of the loaded log (see {@link FreshState#settle})
 * @param snapshotSeconds the snapshot as its client waited for it: workflow start to result
 * @param peakWorkerHeapBytes the largest heap any worker held ({@link GcLog})
 * @param snapshotSegments the snapshot's segments, the pooled one not counted
 */
record SizeResult(long exposures, int videos, int users, int tags, int segments,
    double catalogSeconds, double catalogStoreSeconds, int videosAdded, int coverSetTags,
    double writeSeconds, long csvBytes,
    LoadRun.Result load,
    double settleSeconds,
    double workersReadySeconds,
    double snapshotSeconds,
    SnapshotTimeline timeline,
    Map<String, Integer> shardsByWorker,
    List<WorkerHeap> workers,
    long peakWorkerHeapBytes,
    long snapshotId, int snapshotVideos, long snapshotExposures, int snapshotTags, int snapshotSegments,
    int cellsEstimated, int cellsInsufficient,
    Accuracy accuracy) {

  /** Every worker ran at least one shard: the work was split, not left to one process. */
  @JsonProperty
  boolean workersSplitShards() {
    return shardsByWorker.size() > 1 && shardsByWorker.values().stream().allMatch(n -> n > 0);
  }
}
