package io.tagcf.activities.ingest;

import io.tagcf.models.video.ContentRevision;

/**
 * The reconciler's port to the orchestrator: sends a video's ingest run the signal-with-start of
 * this content. Wired in ops to the workflow client (activities sit below the workflow API).
 */
@FunctionalInterface
public interface IngestResignal {

  /** @throws RuntimeException when the workflow service does not accept it */
  void send(String videoId, ContentRevision content);
}
