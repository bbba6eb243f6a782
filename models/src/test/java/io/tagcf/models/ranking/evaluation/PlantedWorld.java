package io.tagcf.models.ranking.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small, sparse world with a known answer: users of thirty tastes, each drawing 90% of a 6-item
 * history from its taste's 30 items (popularity a flat Zipf, exponent 0.3, within the taste) and 10% at random. Items carry their
 * taste's item tag and audience tag when {@code tagsTellTaste}, random ones otherwise, plus one
 * noise tag. Tags that tell the taste help a co-occurrence base most on the less popular items.
 */
final class PlantedWorld {

  static final int TASTES = 30;
  static final int PER_TASTE = 30;
  static final int HISTORY = 6;

  final RankingData data;
  final List<Map<Long, Double>> itemTags = new ArrayList<>();
  final List<Map<Long, Double>> audienceTags = new ArrayList<>();

  PlantedWorld(int users, boolean tagsTellTaste, long seed) {
    Random random = new Random(seed);
    int items = TASTES * PER_TASTE;
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      ids.add("v" + i);
      int taste = tagsTellTaste ? i / PER_TASTE : random.nextInt(TASTES);
      Map<Long, Double> it = new HashMap<>();
      it.put((long) taste, 0.9);
      it.merge(100L + random.nextInt(20), 0.3, Double::sum);
      itemTags.add(it);
      audienceTags.add(Map.of(1000L + taste % 6, 0.8));
    }
    double[] zipf = new double[PER_TASTE];
    double total = 0;
    for (int r = 0; r < PER_TASTE; r++) {
      zipf[r] = Math.pow(r + 1, -0.3);
      total += zipf[r];
    }
    List<UserHistory> histories = new ArrayList<>();
    for (int u = 0; u < users; u++) {
      int taste = u % TASTES;
      int[] seq = new int[HISTORY];
      double[] times = new double[HISTORY];
      for (int k = 0; k < seq.length; k++) {
        int item;
        do {
          if (random.nextDouble() < 0.9) {
            double x = random.nextDouble() * total;
            int r = 0;
            while (x > zipf[r] && r < PER_TASTE - 1) {
              x -= zipf[r++];
            }
            item = taste * PER_TASTE + r;
          } else {
            item = random.nextInt(items);
          }
        } while (contains(seq, k, item));
        seq[k] = item;
        times[k] = k;
      }
      histories.add(new UserHistory("u" + u, seq, times));
    }
    data = new RankingData("planted", ids, histories, "positions");
  }

  private static boolean contains(int[] seq, int n, int item) {
    for (int k = 0; k < n; k++) {
      if (seq[k] == item) {
        return true;
      }
    }
    return false;
  }

  static EvaluationSettings settings() {
    return new EvaluationSettings(List.of(new ItemKnn(20, 0), new ItemKnn(50, 10)), EvaluationSettings.BETA_GRID,
        new double[] {0, 0.1, 1}, new double[] {3, 1000}, ProfileSettings.platform(10), 10_000, 300, 5, 2);
  }
}
