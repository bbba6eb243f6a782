package io.tagcf.models.coverset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GreedyCoverSetTest {

  private static TaggedItem item(String id, long... tags) {
    Set<Long> s = new HashSet<>();
    for (long t : tags) {
      s.add(t);
    }
    return new TaggedItem(id, s);
  }

  @Test
  void picksTheTagCoveringMostUncoveredItemsFirst() {
    List<TaggedItem> items =
        List.of(
            item("a", 1, 2), item("b", 1), item("c", 1, 3), item("d", 2, 3), item("e", 3), item("f", 4));
    CoverSet cs = GreedyCoverSet.select(items, 1.0);
    // 1 and 3 both cover 3 items; the tie goes to tag 1. Then 3 adds d, e; then 4 adds f.
    assertThat(cs.tagIds()).containsExactly(1L, 3L, 4L);
    assertThat(cs.marginalGains()).containsExactly(3, 2, 1);
    assertThat(cs.coveredItems()).isEqualTo(6);
    assertThat(cs.totalItems()).isEqualTo(6);
    assertThat(cs.coverage()).isEqualTo(1.0);
  }

  @Test
  void stopsAsSoonAsTauIsReached() {
    List<TaggedItem> items =
        List.of(
            item("a", 1, 2), item("b", 1), item("c", 1, 3), item("d", 2, 3), item("e", 3), item("f", 4));
    CoverSet cs = GreedyCoverSet.select(items, 0.8);
    assertThat(cs.tagIds()).containsExactly(1L, 3L);
    assertThat(cs.coveredItems()).isEqualTo(5);
    assertThat(cs.coverage()).isEqualTo(5.0 / 6);
    assertThat(GreedyCoverSet.select(items, 0.5).tagIds()).containsExactly(1L);
  }

  @Test
  void unreachableTauStopsWithEveryCoverableItemCovered() {
    List<TaggedItem> items = List.of(item("a", 7), item("b", 7, 8), item("c"), item("d"));
    CoverSet cs = GreedyCoverSet.select(items, 0.99);
    // Tag 8 adds nothing once 7 is in, so the run stops at 2 of 4 rather than adding it.
    assertThat(cs.tagIds()).containsExactly(7L);
    assertThat(cs.coveredItems()).isEqualTo(2);
    assertThat(cs.coverage()).isEqualTo(0.5);
  }

  @Test
  void emptyInputsGiveAnEmptyCoverSet() {
    CoverSet none = GreedyCoverSet.select(List.of(), 0.99);
    assertThat(none.tagIds()).isEmpty();
    assertThat(none.totalItems()).isZero();
    assertThat(none.coverage()).isZero();
    CoverSet untagged = GreedyCoverSet.select(List.of(item("a"), item("b")), 0.99);
    assertThat(untagged.tagIds()).isEmpty();
    assertThat(untagged.totalItems()).isEqualTo(2);
    assertThat(untagged.coverage()).isZero();
  }

  @Test
  void rejectsBadInput() {
    List<TaggedItem> items = List.of(item("a", 1));
    assertThatThrownBy(() -> GreedyCoverSet.select(items, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tau");
    assertThatThrownBy(() -> GreedyCoverSet.select(items, 1.01)).hasMessageContaining("tau");
    assertThatThrownBy(() -> GreedyCoverSet.select(items, Double.NaN)).hasMessageContaining("tau");
    assertThatThrownBy(() -> GreedyCoverSet.select(null, 0.9)).hasMessageContaining("items");
    assertThatThrownBy(() -> GreedyCoverSet.select(List.of(item("a", 1), item("a", 2)), 0.9))
        .hasMessageContaining("duplicate itemId: a");
    assertThatThrownBy(() -> new TaggedItem(" ", Set.of())).hasMessageContaining("itemId");
    assertThatThrownBy(() -> new TaggedItem("x", null)).hasMessageContaining("tagIds");
  }

  /**
   * Against brute force on random small instances: for every prefix length k the greedy cover is
   * within (1 − 1/e) of the best k tags; it stops at the first prefix reaching tau; when tau is out
   * of reach it covers every coverable item; and it matches a plain rescanning greedy exactly.
   */
  @Test
  void matchesTheGreedyBoundAndStoppingRuleOnRandomInstances() {
    Random rnd = new Random(42);
    double worstRatio = Double.POSITIVE_INFINITY;
    for (int trial = 0; trial < 300; trial++) {
      int nItems = 1 + rnd.nextInt(14);
      int nTags = 1 + rnd.nextInt(9);
      List<TaggedItem> items = randomItems(rnd, nItems, nTags);
      double tau = new double[] {0.5, 0.8, 0.9, 0.99, 1.0}[rnd.nextInt(5)];
      CoverSet cs = GreedyCoverSet.select(items, tau);

      assertThat(cs.tagIds()).isEqualTo(plainGreedy(items, tau));
      assertThat(cs.marginalGains().stream().mapToInt(Integer::intValue).sum()).isEqualTo(cs.coveredItems());
      assertThat(cs.marginalGains()).isSortedAccordingTo(Collections.reverseOrder());
      assertThat(cs.coveredItems()).isEqualTo(covered(items, cs.tagIds()));

      long[] tagUniverse = items.stream().flatMap(i -> i.tagIds().stream()).distinct().sorted()
          .mapToLong(Long::longValue).toArray();
      for (int k = 1; k <= cs.tagIds().size(); k++) {
        int greedyK = covered(items, cs.tagIds().subList(0, k));
        int optimumK = bestKSubset(items, tagUniverse, k);
        assertThat(greedyK).isGreaterThanOrEqualTo((int) Math.ceil((1 - 1 / Math.E) * optimumK - 1e-9));
        if (optimumK > 0) {
          worstRatio = Math.min(worstRatio, (double) greedyK / optimumK);
        }
      }

      int coverable = (int) items.stream().filter(i -> !i.tagIds().isEmpty()).count();
      if (cs.coverage() >= tau) {
        if (!cs.tagIds().isEmpty()) {
          int withoutLast = covered(items, cs.tagIds().subList(0, cs.tagIds().size() - 1));
          assertThat((double) withoutLast / nItems).as("coverage without the last tag").isLessThan(tau);
        }
      } else {
        assertThat(cs.coveredItems()).as("tau out of reach: all coverable items").isEqualTo(coverable);
      }
    }
    assertThat(worstRatio).as("worst greedy/optimum ratio seen").isGreaterThanOrEqualTo(1 - 1 / Math.E);
  }

  @Test
  void isDeterministicWhateverTheInputOrder() {
    Random rnd = new Random(7);
    List<TaggedItem> items = randomItems(rnd, 200, 40);
    CoverSet first = GreedyCoverSet.select(items, 0.95);
    for (int i = 0; i < 5; i++) {
      List<TaggedItem> shuffled = new ArrayList<>(items);
      Collections.shuffle(shuffled, rnd);
      assertThat(GreedyCoverSet.select(shuffled, 0.95)).isEqualTo(first);
    }
  }

  /** Production scale (100k items, 20k power-law tags): a sanity run, not a timing. */
  @Test
  void handlesAHundredThousandItemsOverTwentyThousandTags() {
    Random rnd = new Random(3);
    int nTags = 20_000;
    double[] cdf = zipfCdf(nTags, 1.1);
    List<TaggedItem> items = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      Set<Long> tags = new HashSet<>();
      int want = 3 + rnd.nextInt(3);
      while (tags.size() < want) {
        int idx = java.util.Arrays.binarySearch(cdf, rnd.nextDouble());
        tags.add((long) (idx < 0 ? -idx - 1 : idx));
      }
      items.add(new TaggedItem("v" + i, tags));
    }
    CoverSet cs = GreedyCoverSet.select(items, 0.99);
    assertThat(cs.coverage()).isGreaterThanOrEqualTo(0.99);
    assertThat(cs.tagIds().size()).isLessThan(nTags);
    assertThat(cs.marginalGains()).isSortedAccordingTo(Collections.reverseOrder());
  }

  private static double[] zipfCdf(int n, double s) {
    double[] cdf = new double[n];
    double acc = 0;
    for (int i = 0; i < n; i++) {
      acc += 1 / Math.pow(i + 1, s);
      cdf[i] = acc;
    }
    for (int i = 0; i < n; i++) {
      cdf[i] /= acc;
    }
    return cdf;
  }

  private static List<TaggedItem> randomItems(Random rnd, int nItems, int nTags) {
    List<TaggedItem> items = new ArrayList<>();
    for (int i = 0; i < nItems; i++) {
      Set<Long> tags = new HashSet<>();
      int want = rnd.nextInt(4); // some items carry no tag at all
      for (int j = 0; j < want; j++) {
        tags.add(100L + rnd.nextInt(nTags));
      }
      items.add(new TaggedItem("i" + i, tags));
    }
    return items;
  }

  private static int covered(List<TaggedItem> items, List<Long> tags) {
    Set<Long> chosen = new HashSet<>(tags);
    return (int) items.stream().filter(i -> i.tagIds().stream().anyMatch(chosen::contains)).count();
  }

  private static int bestKSubset(List<TaggedItem> items, long[] tags, int k) {
    int best = 0;
    for (int mask = 0; mask < (1 << tags.length); mask++) {
      if (Integer.bitCount(mask) != k) {
        continue;
      }
      List<Long> subset = new ArrayList<>();
      for (int b = 0; b < tags.length; b++) {
        if ((mask & (1 << b)) != 0) {
          subset.add(tags[b]);
        }
      }
      best = Math.max(best, covered(items, subset));
    }
    return best;
  }

  /** The textbook greedy, rescanning all tags each step; ties to the smaller id. */
  private static List<Long> plainGreedy(List<TaggedItem> items, double tau) {
    List<Long> chosen = new ArrayList<>();
    Set<String> coveredIds = new HashSet<>();
    List<Long> tags = items.stream().flatMap(i -> i.tagIds().stream()).distinct().sorted().toList();
    while (items.isEmpty() ? false : (double) coveredIds.size() / items.size() < tau) {
      long bestTag = -1;
      int bestGain = 0;
      for (long t : tags) {
        int g = 0;
        for (TaggedItem i : items) {
          if (!coveredIds.contains(i.itemId()) && i.tagIds().contains(t)) {
            g++;
          }
        }
        if (g > bestGain) {
          bestGain = g;
          bestTag = t;
        }
      }
      if (bestGain == 0) {
        break;
      }
      chosen.add(bestTag);
      for (TaggedItem i : items) {
        if (i.tagIds().contains(bestTag)) {
          coveredIds.add(i.itemId());
        }
      }
    }
    return chosen;
  }
}
