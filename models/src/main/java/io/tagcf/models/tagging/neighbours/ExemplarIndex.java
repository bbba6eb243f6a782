package io.tagcf.models.tagging.neighbours;

import io.tagcf.models.embedding.UnitVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Labelled exemplars held in memory and searched exactly. A few thousand vectors of 512
 * dimensions take about a millisecond a query, less than the text's own embedding; pgvector's
 * HNSW index serves the same question for a catalogue's worth.
 */
public final class ExemplarIndex implements LabelledNeighbours {

  private final List<LabelledExemplar> exemplars;

  public ExemplarIndex(List<LabelledExemplar> exemplars) {
    this.exemplars = List.copyOf(exemplars);
  }

  public int size() {
    return exemplars.size();
  }

  @Override
  public List<Neighbour> nearest(float[] vector, int k, String excludeKey) {
    if (k < 1) {
      return List.of();
    }
    record Hit(int index, double similarity) {}
    PriorityQueue<Hit> best = new PriorityQueue<>((a, b) -> Double.compare(a.similarity(), b.similarity()));
    for (int i = 0; i < exemplars.size(); i++) {
      LabelledExemplar e = exemplars.get(i);
      if (excludeKey != null && excludeKey.equals(e.key())) {
        continue;
      }
      double s = UnitVectors.cosine(vector, e.vector());
      if (best.size() < k) {
        best.add(new Hit(i, s));
      } else if (s > best.peek().similarity()) {
        best.poll();
        best.add(new Hit(i, s));
      }
    }
    List<Neighbour> out = new ArrayList<>(best.size());
    while (!best.isEmpty()) {
      Hit h = best.poll();
      LabelledExemplar e = exemplars.get(h.index());
      out.add(0, new Neighbour(e.key(), h.similarity(), e.categories(), e.tagIds()));
    }
    return out;
  }
}
