package io.tagcf.models.ranking.evaluation;

import io.tagcf.models.ranking.ExpandedRole;
import io.tagcf.models.ranking.ItemTags;
import io.tagcf.models.ranking.UserTagProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every item's tags in flat arrays (tag ids made dense), so that a user's ŷ_tag0 and ŷ_tag1 over all
 * items cost O(Σ_i |tags of i|) per user: the full ranking the protocol needs. Computes exactly
 * {@link io.tagcf.models.ranking.TagScorer}'s sums, item by item.
 */
public final class ItemTagMatrix {

  private final int[][] itemTag;
  private final float[][] itemP;
  private final int[][] audienceTag;
  private final float[][] audienceP;
  private final Map<Long, Integer> dense = new HashMap<>();

  public ItemTagMatrix(List<ItemTags> items) {
    int n = items.size();
    itemTag = new int[n][];
    itemP = new float[n][];
    audienceTag = new int[n][];
    audienceP = new float[n][];
    for (int i = 0; i < n; i++) {
      ItemTags t = items.get(i);
      itemTag[i] = new int[t.itemTags().size()];
      itemP[i] = new float[t.itemTags().size()];
      fill(t.itemTags(), itemTag[i], itemP[i]);
      audienceTag[i] = new int[t.audienceTags().size()];
      audienceP[i] = new float[t.audienceTags().size()];
      fill(t.audienceTags(), audienceTag[i], audienceP[i]);
    }
  }

  private void fill(Map<Long, Double> tags, int[] ids, float[] p) {
    int a = 0;
    for (Map.Entry<Long, Double> e : tags.entrySet()) {
      ids[a] = dense.computeIfAbsent(e.getKey(), k -> dense.size());
      p[a++] = e.getValue().floatValue();
    }
  }

  public int itemCount() {
    return itemTag.length;
  }

  /** A per-thread work area: one weight per tag. */
  public double[] newTagBuffer() {
    return new double[dense.size()];
  }

  /** ŷ_tag0 of every item into {@code tag0} and ŷ_tag1 into {@code tag1}; {@code buffer} is left zeroed. */
  public void score(UserTagProfile user, double[] buffer, float[] tag0, float[] tag1) {
    spread(user.interest(), buffer, itemTag, itemP, tag0);
    Map<Long, Double> expanded = new HashMap<>();
    for (ExpandedRole r : user.expanded()) {
      expanded.put(r.roleId(), r.weight());
    }
    spread(expanded, buffer, audienceTag, audienceP, tag1);
  }

  private void spread(Map<Long, Double> weights, double[] buffer, int[][] ids, float[][] p, float[] out) {
    if (weights.isEmpty()) {
      java.util.Arrays.fill(out, 0f);
      return;
    }
    weights.forEach((tag, w) -> {
      Integer d = dense.get(tag);
      if (d != null) {
        buffer[d] = w;
      }
    });
    for (int i = 0; i < ids.length; i++) {
      double s = 0;
      int[] tags = ids[i];
      float[] ps = p[i];
      for (int a = 0; a < tags.length; a++) {
        s += buffer[tags[a]] * ps[a];
      }
      out[i] = (float) s;
    }
    weights.keySet().forEach(tag -> {
      Integer d = dense.get(tag);
      if (d != null) {
        buffer[d] = 0;
      }
    });
  }
}
