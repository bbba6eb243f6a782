package io.tagcf.bench.effects;

import io.tagcf.models.coverset.CoverSet;
import io.tagcf.models.coverset.GreedyCoverSet;
import io.tagcf.models.coverset.TaggedItem;
import io.tagcf.models.simulation.SimulationConfig;
import io.tagcf.models.simulation.World;
import io.tagcf.models.simulation.WorldBuilder;
import io.tagcf.store.video.CatalogVideo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The benchmark's catalog: simulated videos carrying real vocabulary item tags, combined as a
 * drawn world combines them (tags cluster by category and creator size), and a cover set made of
 * exactly those tags, so that a snapshot estimates every one of them. The effects integration
 * tests draw their catalogs here too.
 */
public final class ScaleCatalog {
  private ScaleCatalog() {}

  /** A vocabulary item tag and its category. */
  public record VocabularyTag(long tagId, String category) {}

  /**
   * Each video's tags come from a drawn world over {@code tags.size()} tags; its scores make its
   * first tag the top one, whose category is the video's. Video ids are {@code idPrefix}v000000..,
   * creator ids {@code idPrefix}creator-N.
   */
  public static List<CatalogVideo> draw(List<VocabularyTag> tags, int videos, long seed, String idPrefix) {
    World drawn = WorldBuilder.build(new SimulationConfig(videos, 1, 0, tags.size(), 1, seed));
    SplittableRandom random = new SplittableRandom(seed);
    List<CatalogVideo> out = new ArrayList<>(videos);
    for (int v = 0; v < videos; v++) {
      int[] carried = drawn.videoTags(v);
      if (carried.length == 0) {
        carried = new int[] {random.nextInt(tags.size())};
      }
      long[] ids = new long[carried.length];
      double[] scores = new double[carried.length];
      for (int i = 0; i < carried.length; i++) {
        ids[i] = tags.get(carried[i]).tagId();
        scores[i] = (0.95 - 0.04 * random.nextDouble()) / (i + 1);
      }
      out.add(new CatalogVideo(idPrefix + String.format("v%06d", v), idPrefix + "creator-" + drawn.videoCreator(v),
          Math.rint(drawn.videoDurationSeconds(v)), tags.get(carried[0]).category(), ids, scores));
    }
    return out;
  }

  /**
   * All of {@code tags} as a cover set: in the greedy order of paper Alg. 1 while a tag still covers
   * new videos, then the rest (which add none) by id. The greedy selection alone would stop at full
   * coverage, long before the last tag.
   */
  static CoverSet coverSet(List<CatalogVideo> catalog, List<VocabularyTag> tags) {
    Set<Long> wanted = tags.stream().map(VocabularyTag::tagId).collect(Collectors.toCollection(TreeSet::new));
    List<TaggedItem> items = new ArrayList<>(catalog.size());
    for (CatalogVideo v : catalog) {
      Set<Long> carried = Arrays.stream(v.itemTagIds()).boxed().filter(wanted::contains)
          .collect(Collectors.toCollection(LinkedHashSet::new));
      items.add(new TaggedItem(v.videoId(), carried));
    }
    CoverSet greedy = GreedyCoverSet.select(items, 1.0);
    List<Long> ids = new ArrayList<>(greedy.tagIds());
    List<Integer> gains = new ArrayList<>(greedy.marginalGains());
    for (long t : wanted) {
      if (!greedy.tagIds().contains(t)) {
        ids.add(t);
        gains.add(0);
      }
    }
    return new CoverSet(ids, gains, greedy.coveredItems(), greedy.totalItems(), greedy.coverage());
  }
}
