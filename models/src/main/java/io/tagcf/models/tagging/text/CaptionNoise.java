package io.tagcf.models.tagging.text;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hashtags and mentions that say nothing about a video's topic: platform boilerplate such as
 * #感谢快手我要上热门 or @快手创作者服务中心, written on cooking, dance and news videos alike. They
 * are recognised by that spread: a mark seen on at least {@value #MIN_VIDEOS} labelled videos
 * whose categories are spread out (the normalised entropy of its category counts at least
 * {@value #MIN_SPREAD}) is noise. A short seed list covers a platform with no labelled videos yet.
 */
public final class CaptionNoise {

  static final int MIN_VIDEOS = 8;
  static final double MIN_SPREAD = 0.6;
  /** Boilerplate known before any labels: asking the platform for reach, not naming a topic. */
  private static final Set<String> SEED = Set.of("热门", "上热门", "感谢快手我要上热门", "快手创作者服务中心", "求热门");

  /** A labelled video's marks: its hashtags and mentions, and the categories it belongs to. */
  public record Labelled(Collection<String> marks, Set<String> categories) {}

  public static final CaptionNoise SEED_ONLY = new CaptionNoise(Set.of());

  private final Set<String> learned;

  private CaptionNoise(Set<String> learned) {
    this.learned = Set.copyOf(learned);
  }

  public static CaptionNoise learn(List<Labelled> videos) {
    Map<String, Map<String, Integer>> counts = new HashMap<>();
    Map<String, Integer> videosWith = new HashMap<>();
    Set<String> allCategories = new HashSet<>();
    for (Labelled v : videos) {
      allCategories.addAll(v.categories());
      Set<String> seen = new HashSet<>();
      for (String mark : v.marks()) {
        String k = CaptionMarks.key(mark);
        if (k.isEmpty() || !seen.add(k)) {
          continue;
        }
        videosWith.merge(k, 1, Integer::sum);
        Map<String, Integer> byCategory = counts.computeIfAbsent(k, x -> new HashMap<>());
        for (String c : v.categories()) {
          byCategory.merge(c, 1, Integer::sum);
        }
      }
    }
    Set<String> noise = new HashSet<>();
    int categories = Math.max(2, allCategories.size());
    counts.forEach((mark, byCategory) -> {
      if (videosWith.get(mark) >= MIN_VIDEOS && spread(byCategory.values(), categories) >= MIN_SPREAD) {
        noise.add(mark);
      }
    });
    return new CaptionNoise(noise);
  }

  /** Entropy of the counts over log(number of categories): 0 when all in one, 1 when even over all. */
  static double spread(Collection<Integer> counts, int categories) {
    double total = counts.stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return 0;
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = c / total;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(categories);
  }

  public boolean isNoise(String mark) {
    String k = CaptionMarks.key(mark);
    return SEED.contains(k) || learned.contains(k);
  }

  /** How many marks were learned as noise (the seed list not counted). */
  public int learnedCount() {
    return learned.size();
  }

  public Set<String> learned() {
    return learned;
  }
}
