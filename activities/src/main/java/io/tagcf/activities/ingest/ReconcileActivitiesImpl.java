package io.tagcf.activities.ingest;

import io.tagcf.models.video.ReconcilePass;
import io.tagcf.store.video.StrandedVideo;
import io.tagcf.store.video.VideoRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads stranded videos from the database and signals-with-start each one's run. A refusal of one
 * video is counted and logged, not thrown: one bad id must not hold back the others. A database
 * failure throws, and Temporal retries the pass.
 */
public final class ReconcileActivitiesImpl implements ReconcileActivities {

  private static final Logger log = LoggerFactory.getLogger(ReconcileActivitiesImpl.class);
  /** Ids a pass lists by name at most; the count says the rest. */
  private static final int LISTED = 20;

  private final VideoRepository videos;
  private final IngestResignal resignal;

  public ReconcileActivitiesImpl(VideoRepository videos, IngestResignal resignal) {
    this.videos = videos;
    this.resignal = resignal;
  }

  @Override
  public ReconcilePass resignalStranded(Duration minAge, int batch) {
    List<StrandedVideo> stranded = videos.stranded(minAge, batch);
    int signalled = 0;
    List<String> refused = new ArrayList<>();
    for (StrandedVideo v : stranded) {
      try {
        resignal.send(v.videoId(), v.content());
        signalled++;
      } catch (RuntimeException e) {
        log.warn("reconciler: video {} (stage {}) could not be re-signalled: {}", v.videoId(),
            v.stage().wireName(), e.getMessage());
        if (refused.size() < LISTED) {
          refused.add(v.videoId());
        }
      }
    }
    if (!stranded.isEmpty()) {
      log.info("reconciler: {} stranded videos, {} re-signalled", stranded.size(), signalled);
    }
    return new ReconcilePass(stranded.size(), signalled, refused);
  }
}
