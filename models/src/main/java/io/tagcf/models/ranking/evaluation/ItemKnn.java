package io.tagcf.models.ranking.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Item-based k-nearest neighbours with shrunk cosine similarity (Sarwar et al. 2001; the shrinkage
 * of Koren 2008 and RecBole's ItemKNN):
 *
 * <pre>
 *   sim(i, j) = |U_i ∩ U_j| / (√|U_i| · √|U_j| + shrink)        keep the k most similar j per i
 *   score(u, j) = Σ_{i ∈ X_u} sim(i, j)
 * </pre>
 *
 * Co-occurrences are counted per user over distinct items, so cost is Σ_u |X_u|² and memory the
 * sparse co-occurrence of one item at a time plus k neighbours per item.
 */
public final class ItemKnn implements BaseRecommender {

  private final int k;
  private final double shrink;

  public ItemKnn(int k, double shrink) {
    if (k < 1) {
      throw new IllegalArgumentException("ItemKNN k must be at least 1: " + k);
    }
    if (!(shrink >= 0) || Double.isInfinite(shrink)) {
      throw new IllegalArgumentException("ItemKNN shrink must be finite and non-negative: " + shrink);
    }
    this.k = k;
    this.shrink = shrink;
  }

  @Override
  public String describe() {
    return "ItemKNN(k=" + k + ", shrink=" + shrink + ")";
  }

  @Override
  public Fitted fit(List<UserHistory> training, int n) {
    // users of each item (distinct), as lists of user indices
    List<int[]> distinct = new ArrayList<>(training.size());
    int[] count = new int[n];
    for (UserHistory h : training) {
      int[] items = Arrays.stream(h.items()).distinct().toArray();
      distinct.add(items);
      for (int i : items) {
        count[i]++;
      }
    }
    int[][] usersOf = new int[n][];
    for (int i = 0; i < n; i++) {
      usersOf[i] = new int[count[i]];
    }
    int[] fill = new int[n];
    for (int u = 0; u < distinct.size(); u++) {
      for (int i : distinct.get(u)) {
        usersOf[i][fill[i]++] = u;
      }
    }
    int[][] neighbours = new int[n][];
    float[][] similarity = new float[n][];
    double[] co = new double[n];
    int[] touched = new int[n];
    for (int i = 0; i < n; i++) {
      int t = 0;
      for (int u : usersOf[i]) {
        for (int j : distinct.get(u)) {
          if (j != i) {
            if (co[j] == 0) {
              touched[t++] = j;
            }
            co[j] += 1;
          }
        }
      }
      Integer[] order = new Integer[t];
      double[] sims = new double[t];
      for (int a = 0; a < t; a++) {
        int j = touched[a];
        sims[a] = co[j] / (Math.sqrt(count[i]) * Math.sqrt(count[j]) + shrink);
        order[a] = a;
        co[j] = 0;
      }
      Arrays.sort(order, (x, y) -> sims[x] != sims[y] ? Double.compare(sims[y], sims[x]) : Integer.compare(touched[x], touched[y]));
      int keep = Math.min(k, t);
      neighbours[i] = new int[keep];
      similarity[i] = new float[keep];
      for (int a = 0; a < keep; a++) {
        neighbours[i][a] = touched[order[a]];
        similarity[i][a] = (float) sims[order[a]];
      }
    }
    return (history, scores) -> {
      for (int i : Arrays.stream(history.items()).distinct().toArray()) {
        int[] nb = neighbours[i];
        float[] s = similarity[i];
        for (int a = 0; a < nb.length; a++) {
          scores[nb[a]] += s[a];
        }
      }
    };
  }
}
