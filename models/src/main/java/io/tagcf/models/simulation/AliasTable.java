package io.tagcf.models.simulation;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

/** Vose's alias method: O(1) draws from a fixed discrete distribution. */
record AliasTable(double[] probability, int[] alias) {

  static AliasTable of(double[] weights) {
    int n = weights.length;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] scaled = new double[n];
    ArrayDeque<Integer> small = new ArrayDeque<>();
    ArrayDeque<Integer> large = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1) {
        small.push(i);
      } else {
        large.push(i);
      }
    }
    double[] probability = new double[n];
    int[] alias = new int[n];
    while (!small.isEmpty() && !large.isEmpty()) {
      int s = small.pop();
      int l = large.pop();
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1;
      if (scaled[l] < 1) {
        small.push(l);
      } else {
        large.push(l);
      }
    }
    while (!large.isEmpty()) {
      probability[large.pop()] = 1;
    }
    while (!small.isEmpty()) {
      probability[small.pop()] = 1;
    }
    return new AliasTable(probability, alias);
  }

  static int draw(double[] probability, int[] alias, SplittableRandom random) {
    int i = random.nextInt(probability.length);
    return random.nextDouble() < probability[i] ? i : alias[i];
  }
}
