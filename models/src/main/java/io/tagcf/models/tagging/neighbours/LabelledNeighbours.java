package io.tagcf.models.tagging.neighbours;

import java.util.List;

/** Where the offline tagger finds labelled videos near a new one: in memory, or in pgvector. */
public interface LabelledNeighbours {

  /** No labelled videos: the tagger is zero-shot only. */
  LabelledNeighbours NONE = (vector, k, excludeKey) -> List.of();

  /**
   * The {@code k} labelled videos most similar to {@code vector}, most similar first, leaving out
   * the one whose key is {@code excludeKey} (may be null).
   */
  List<Neighbour> nearest(float[] vector, int k, String excludeKey);
}
