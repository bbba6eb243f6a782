package io.tagcf.models.causal.matching;

/**
 * Exact k-nearest-neighbour search in Euclidean space with a k-d tree (median splits on the widest
 * dimension, buckets of up to 24 points).
 *
 * <p>In low dimension it prunes almost everything; in high dimension it degrades gracefully to a
 * scan, and {@link #nearest} reports the work it did so callers can bound the total cost.
 */
final class KdTree {
  private static final int LEAF = 24;
  private final double[] points;
  private final int dim;
  private final int[] rows;
  private final int[] order;
  // Node arrays; children indices, -1 for leaves.
  private int[] splitDim;
  private double[] splitValue;
  private int[] left;
  private int[] right;
  private int[] start;
  private int[] end;
  private int nodes;

  /**
   * @param points row-major coordinates of the candidates (m x dim)
   * @param rows the data row each candidate stands for
   */
  KdTree(double[] points, int dim, int[] rows) {
    this.points = points;
    this.dim = dim;
    this.rows = rows;
    int m = rows.length;
    this.order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    int capacity = Math.max(1, 4 * (m / LEAF + 1));
    splitDim = new int[capacity];
    splitValue = new double[capacity];
    left = new int[capacity];
    right = new int[capacity];
    start = new int[capacity];
    end = new int[capacity];
    if (m > 0) {
      build(0, m);
    }
  }

  private int build(int from, int to) {
    int node = nodes++;
    ensureCapacity(nodes);
    start[node] = from;
    end[node] = to;
    left[node] = -1;
    right[node] = -1;
    if (to - from <= LEAF) {
      return node;
    }
    int best = 0;
    double bestSpread = -1;
    for (int d = 0; d < dim; d++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = points[order[i] * dim + d];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      if (hi - lo > bestSpread) {
        bestSpread = hi - lo;
        best = d;
      }
    }
    if (bestSpread <= 0) {
      return node;
    }
    int mid = (from + to) >>> 1;
    select(from, to - 1, mid, best);
    splitDim[node] = best;
    splitValue[node] = points[order[mid] * dim + best];
    int l = build(from, mid);
    int r = build(mid, to);
    left[node] = l;
    right[node] = r;
    return node;
  }

  private void ensureCapacity(int needed) {
    if (needed <= splitDim.length) {
      return;
    }
    int c = splitDim.length * 2;
    splitDim = java.util.Arrays.copyOf(splitDim, c);
    splitValue = java.util.Arrays.copyOf(splitValue, c);
    left = java.util.Arrays.copyOf(left, c);
    right = java.util.Arrays.copyOf(right, c);
    start = java.util.Arrays.copyOf(start, c);
    end = java.util.Arrays.copyOf(end, c);
  }

  /** Quickselect: puts the element of rank k (by coordinate d) at position k. */
  private void select(int lo, int hi, int k, int d) {
    while (hi > lo) {
      int pivotIndex = (lo + hi) >>> 1;
      double pivot = points[order[pivotIndex] * dim + d];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (points[order[i] * dim + d] < pivot) {
          i++;
        }
        while (points[order[j] * dim + d] > pivot) {
          j--;
        }
        if (i <= j) {
          int tmp = order[i];
          order[i] = order[j];
          order[j] = tmp;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  int size() {
    return rows.length;
  }

  /** Search state reused across queries by one thread. */
  static final class Search {
    final int[] best;
    final double[] bestDistance;
    int count;
    long work;

    Search(int k) {
      best = new int[k];
      bestDistance = new double[k];
    }
  }

  /**
   * Finds the k nearest candidates to {@code query}, skipping data row {@code exclude}; results are
   * data rows sorted nearest first in {@code s.best[0..s.count)}. Adds the coordinates compared to
   * {@code s.work}.
   */
  void nearest(double[] query, int k, int exclude, Search s) {
    s.count = 0;
    if (rows.length == 0) {
      return;
    }
    search(0, query, k, exclude, s);
    // Insertion sort by distance, then row for a deterministic order among ties.
    for (int a = 1; a < s.count; a++) {
      int r = s.best[a];
      double d = s.bestDistance[a];
      int b = a - 1;
      while (b >= 0 && (s.bestDistance[b] > d || (s.bestDistance[b] == d && s.best[b] > r))) {
        s.best[b + 1] = s.best[b];
        s.bestDistance[b + 1] = s.bestDistance[b];
        b--;
      }
      s.best[b + 1] = r;
      s.bestDistance[b + 1] = d;
    }
  }

  private void search(int node, double[] query, int k, int exclude, Search s) {
    if (left[node] < 0) {
      for (int i = start[node]; i < end[node]; i++) {
        int p = order[i];
        int row = rows[p];
        if (row == exclude) {
          continue;
        }
        double d2 = 0;
        int base = p * dim;
        for (int d = 0; d < dim; d++) {
          double diff = points[base + d] - query[d];
          d2 += diff * diff;
        }
        s.work += dim;
        offer(row, d2, k, s);
      }
      return;
    }
    double diff = query[splitDim[node]] - splitValue[node];
    int near = diff < 0 ? left[node] : right[node];
    int far = diff < 0 ? right[node] : left[node];
    search(near, query, k, exclude, s);
    if (s.count < k || diff * diff <= worst(s)) {
      search(far, query, k, exclude, s);
    }
  }

  private static double worst(Search s) {
    double w = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < s.count; i++) {
      w = Math.max(w, s.bestDistance[i]);
    }
    return w;
  }

  private static void offer(int row, double d2, int k, Search s) {
    if (s.count < k) {
      s.best[s.count] = row;
      s.bestDistance[s.count] = d2;
      s.count++;
      return;
    }
    int worstIndex = 0;
    for (int i = 1; i < k; i++) {
      if (s.bestDistance[i] > s.bestDistance[worstIndex]
          || (s.bestDistance[i] == s.bestDistance[worstIndex] && s.best[i] > s.best[worstIndex])) {
        worstIndex = i;
      }
    }
    double wd = s.bestDistance[worstIndex];
    if (d2 < wd || (d2 == wd && row < s.best[worstIndex])) {
      s.best[worstIndex] = row;
      s.bestDistance[worstIndex] = d2;
    }
  }
}
