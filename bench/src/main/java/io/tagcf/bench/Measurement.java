package io.tagcf.bench;

import java.util.Arrays;

/** Repeated timings of one piece of work, summarised as items per second. */
record Measurement(String name, double[] itemsPerSecond) {

  double mean() {
    return Arrays.stream(itemsPerSecond).average().orElse(0);
  }

  double sd() {
    double m = mean();
    return Math.sqrt(Arrays.stream(itemsPerSecond).map(x -> (x - m) * (x - m)).sum()
        / Math.max(1, itemsPerSecond.length - 1));
  }

  @Override
  public String toString() {
    return String.format("%-44s %8.1f ± %5.1f texts/s", name, mean(), sd());
  }
}
