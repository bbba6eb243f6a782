package io.tagcf.models.causal.weighting;

import java.util.SplittableRandom;

/**
 * Fold assignment for cross-fitting, stratified by treatment so every fold's training part holds
 * both arms in their overall proportion. Deterministic for a seed.
 */
public final class CrossFitFolds {
  private CrossFitFolds() {}

  /** fold[i] in [0, k). */
  public static int[] assign(double[] treatment, int k, long seed) {
    int n = treatment.length;
    int[] fold = new int[n];
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    for (int arm = 0; arm <= 1; arm++) {
      int count = 0;
      for (double t : treatment) {
        if ((t == 1.0) == (arm == 1)) {
          count++;
        }
      }
      int[] rows = new int[count];
      int c = 0;
      for (int i = 0; i < n; i++) {
        if ((treatment[i] == 1.0) == (arm == 1)) {
          rows[c++] = i;
        }
      }
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = rows[i];
        rows[i] = rows[j];
        rows[j] = tmp;
      }
      for (int i = 0; i < count; i++) {
        fold[rows[i]] = i % k;
      }
    }
    return fold;
  }
}
