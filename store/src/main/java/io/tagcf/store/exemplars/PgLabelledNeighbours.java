package io.tagcf.store.exemplars;

import io.tagcf.models.tagging.neighbours.LabelledNeighbours;
import io.tagcf.models.tagging.neighbours.Neighbour;
import java.util.List;

/** The labelled exemplars of one embedding model in pgvector, as the offline tagger asks for them. */
public final class PgLabelledNeighbours implements LabelledNeighbours {

  private final LabelExemplarRepository exemplars;
  private final String model;

  public PgLabelledNeighbours(LabelExemplarRepository exemplars, String model) {
    this.exemplars = exemplars;
    this.model = model;
  }

  @Override
  public List<Neighbour> nearest(float[] vector, int k, String excludeKey) {
    return exemplars.nearest(model, vector, k, excludeKey);
  }
}
