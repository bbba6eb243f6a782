package io.tagcf.gateway.explanations;

import io.tagcf.store.explanations.StoredExplanation;
import java.util.Optional;

/** Stored explanations as the API reads them: its port to the database. Every method blocks. */
public interface ExplanationStore {

  /** The explanation of the newest published snapshot that has one for this video and language. */
  Optional<StoredExplanation> latest(String videoId, String language);

  /** Whether the explanation of this snapshot is stored. */
  boolean exists(String videoId, long snapshotId, String language);
}
