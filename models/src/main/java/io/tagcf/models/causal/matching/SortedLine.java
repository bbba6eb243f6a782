package io.tagcf.models.causal.matching;

import java.util.Arrays;

/**
 * Rows sorted by a scalar score (the logit propensity), for exact nearest-neighbour search on a
 * line in O(log n + k).
 */
final class SortedLine {
  private final double[] values;
  private final int[] rows;

  SortedLine(int[] candidateRows, double[] score) {
    Integer[] order = new Integer[candidateRows.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int c = Double.compare(score[candidateRows[a]], score[candidateRows[b]]);
      return c != 0 ? c : Integer.compare(candidateRows[a], candidateRows[b]);
    });
    values = new double[order.length];
    rows = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      rows[i] = candidateRows[order[i]];
      values[i] = score[rows[i]];
    }
  }

  int size() {
    return rows.length;
  }

  /**
   * Writes the k rows closest to {@code value} within {@code maxDistance} into {@code out}, nearest
   * first, skipping row {@code exclude}; returns how many. Equally distant rows (up to a relative
   * 1e-9 between the two sides) are taken in data order, lowest row first, as R's {@code order}
   * would, so results do not depend on the sort or on rounding in the fitted score.
   */
  int nearest(double value, int k, double maxDistance, int exclude, int[] out) {
    int right = lowerBound(value);
    int left = right - 1;
    int found = 0;
    while (found < k) {
      double dl = left >= 0 ? value - values[left] : Double.POSITIVE_INFINITY;
      double dr = right < rows.length ? values[right] - value : Double.POSITIVE_INFINITY;
      double d = Math.min(dl, dr);
      if (d == Double.POSITIVE_INFINITY || d > maxDistance) {
        break;
      }
      // Candidates on either side whose distances differ only by rounding are ties; without this
      // the last bit of the fitted score, not the data, would pick the match.
      double tolerance = 1e-9 * Math.max(d, 1e-12);
      if (Math.abs(dl - dr) <= tolerance) {
        dl = d;
        dr = d;
      }
      // Blocks of equal score: rows inside a block are sorted ascending.
      int leftStart = left + 1;
      int leftEnd = left + 1;
      if (dl == d) {
        leftStart = lowerBound(values[left]);
        leftEnd = left + 1;
        left = leftStart - 1;
      }
      int rightStart = right;
      int rightEnd = right;
      if (dr == d) {
        rightEnd = upperBound(values[right]);
        right = rightEnd;
      }
      int a = leftStart;
      int b = rightStart;
      while (found < k && (a < leftEnd || b < rightEnd)) {
        int row;
        if (b >= rightEnd || (a < leftEnd && rows[a] < rows[b])) {
          row = rows[a++];
        } else {
          row = rows[b++];
        }
        if (row != exclude) {
          out[found++] = row;
        }
      }
    }
    return found;
  }

  private int upperBound(double value) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] <= value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private int lowerBound(double value) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
