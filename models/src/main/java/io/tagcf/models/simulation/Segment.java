package io.tagcf.models.simulation;

import java.util.ArrayList;
import java.util.List;

/** A user segment: an age band crossed with a city tier. Segment k is band k / 3, tier k % 3 + 1. */
public record Segment(int id, String ageBand, int cityTier) {
  private static final String[] BANDS = {"18-24", "25-34", "35-44", "45-54", "13-17", "55+"};

  public String label() {
    return ageBand + " tier-" + cityTier;
  }

  public static List<Segment> all(int count) {
    List<Segment> out = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      int band = k / 3;
      String name = band < BANDS.length ? BANDS[band] : "band-" + (band + 1);
      out.add(new Segment(k, name, k % 3 + 1));
    }
    return out;
  }
}
