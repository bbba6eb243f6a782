package io.tagcf.models.ranking.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.TagScorer;
import io.tagcf.models.ranking.TagScores;
import io.tagcf.models.ranking.UserTagProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ItemTagMatrixTest {

  @Test
  void fullRankingScoresEqualTheScorersPairByPair() {
    Random random = new Random(7);
    List<ItemTags> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      items.add(ItemTags.fromScores(randomTags(random, 0, 30), randomTags(random, 1000, 10)));
    }
    ItemTagMatrix matrix = new ItemTagMatrix(items);
    double[] buffer = matrix.newTagBuffer();
    float[] tag0 = new float[items.size()];
    float[] tag1 = new float[items.size()];
    for (int u = 0; u < 20; u++) {
      Map<Long, Double> interest = new HashMap<>();
      randomTags(random, 0, 30).forEach((t, s) -> interest.put(t, s / 3));
      List<ExpandedRole> expanded = new ArrayList<>();
      randomTags(random, 1000, 10).forEach((t, s) -> expanded.add(new ExpandedRole(t, s / 2, 1, 2)));
      UserTagProfile user = new UserTagProfile(interest, Map.of(), expanded);
      matrix.score(user, buffer, tag0, tag1);
      for (int i = 0; i < items.size(); i++) {
        TagScores s = TagScorer.score(user, items.get(i));
        assertThat((double) tag0[i]).isCloseTo(s.tag0(), within(1e-6));
        assertThat((double) tag1[i]).isCloseTo(s.tag1(), within(1e-6));
      }
      assertThat(buffer).containsOnly(0.0);
    }
  }

  private static Map<Long, Double> randomTags(Random random, long base, int range) {
    Map<Long, Double> m = new HashMap<>();
    int n = 1 + random.nextInt(4);
    for (int k = 0; k < n; k++) {
      m.put(base + random.nextInt(range), 0.1 + 0.2 * random.nextDouble());
    }
    return m;
  }
}
