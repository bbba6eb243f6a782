package io.tagcf.models.causal.matching;

/**
 * The result of matching: for query q (row {@code queries[q]}), the matched rows are
 * {@code matched[offsets[q] .. offsets[q + 1])} with averaging weights {@code share[...]} that sum
 * to one per query (row-weight proportional). Queries without any match are absent.
 */
public record Matches(int[] queries, int[] offsets, int[] matched, double[] share) {

  public int queryCount() {
    return queries.length;
  }

  /** Accumulates matches query by query. */
  public static final class Builder {
    private int[] queries = new int[16];
    private int[] offsets = new int[17];
    private int[] matched = new int[16];
    private double[] share = new double[16];
    private int q;
    private int m;

    public void add(int query, int[] rows, int count, double[] rowWeights) {
      if (count == 0) {
        return;
      }
      if (q + 1 >= queries.length) {
        queries = java.util.Arrays.copyOf(queries, queries.length * 2);
        offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
      }
      while (m + count > matched.length) {
        matched = java.util.Arrays.copyOf(matched, matched.length * 2);
        share = java.util.Arrays.copyOf(share, share.length * 2);
      }
      double total = 0;
      for (int c = 0; c < count; c++) {
        total += rowWeights[rows[c]];
      }
      for (int c = 0; c < count; c++) {
        matched[m + c] = rows[c];
        // Zero-weight neighbours would make the share undefined; fall back to equal shares.
        share[m + c] = total > 0 ? rowWeights[rows[c]] / total : 1.0 / count;
      }
      queries[q] = query;
      m += count;
      q++;
      offsets[q] = m;
    }

    public Matches build() {
      return new Matches(
          java.util.Arrays.copyOf(queries, q),
          java.util.Arrays.copyOf(offsets, q + 1),
          java.util.Arrays.copyOf(matched, m),
          java.util.Arrays.copyOf(share, m));
    }
  }
}
