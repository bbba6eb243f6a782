package io.tagcf.models.ranking;

import io.tagcf.models.ranking.TagScores.InterestPath;
import io.tagcf.models.ranking.TagScores.LogicPath;
import java.util.Map;

/**
 * The TagCF ranking scores (paper, final ranking stage) of a user's profile against an item's tags:
 *
 * <pre>
 *   ŷ_tag0(u, i) = Σ_c P(c | u) · P(c | i)                     c over item tags
 *   ŷ_tag1(u, i) = Σ_{t′ ∈ T_u(1)} P(t′ | u) · P(t′ | i)      t′ over the user's expanded roles
 * </pre>
 *
 * The paper's ŷ_tag0 matches user tags; here it matches the user's interest in item tags, which the
 * platform measures directly from engagements, while the roles enter through the expansion. Each
 * score comes with the term that contributed most: that tag (or role path) is the explanation of
 * the recommendation. Ties go to the smaller tag id, so equal inputs give equal paths. Cost is
 * O(|tags of i|) per pair: the item's tags are looked up in the profile.
 */
public final class TagScorer {

  private TagScorer() {}

  public static TagScores score(UserTagProfile user, ItemTags item) {
    double tag0 = 0;
    long bestTag = 0;
    double best0 = 0;
    for (Map.Entry<Long, Double> e : item.itemTags().entrySet()) {
      Double p = user.interest().get(e.getKey());
      if (p != null) {
        double term = p * e.getValue();
        tag0 += term;
        if (term > best0 || (term == best0 && term > 0 && e.getKey() < bestTag)) {
          best0 = term;
          bestTag = e.getKey();
        }
      }
    }
    double tag1 = 0;
    ExpandedRole bestRole = null;
    double best1 = 0;
    for (ExpandedRole r : user.expanded()) {
      Double p = item.audienceTags().get(r.roleId());
      if (p != null) {
        double term = r.weight() * p;
        tag1 += term;
        if (term > best1 || (term == best1 && term > 0 && r.roleId() < bestRole.roleId())) {
          best1 = term;
          bestRole = r;
        }
      }
    }
    return new TagScores(tag0, tag1,
        best0 > 0 ? new InterestPath(bestTag, best0) : null,
        bestRole != null ? new LogicPath(bestRole.viaRoleId(), bestRole.viaItemTagId(), bestRole.roleId(), best1) : null);
  }
}
