package io.tagcf.models.ranking.evaluation;

import io.tagcf.models.logic.UserRoleExpansion;
import io.tagcf.models.ranking.TagInterest;

/**
 * How the evaluation builds user profiles from a round's training histories; the defaults are the
 * platform's own (roles workflow: ten roles, logic smoothing 5, minimum support 2, top 20 edges per
 * tag; expansion δ 0.02, k 10; twenty interest tags).
 *
 * @param halfLife an interaction's weight halves every {@code halfLife} units of the data set's time
 *     (days or positions), counted back from the user's last training interaction
 */
public record ProfileSettings(
    double halfLife, int interestTags, int roles, double smoothing, double minSupport, int topB, double delta, int expanded) {

  public ProfileSettings {
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
    }
    if (interestTags < 1 || roles < 1 || topB < 1 || expanded < 1) {
      throw new IllegalArgumentException("interestTags, roles, topB and expanded must be at least 1");
    }
  }

  public ProfileSettings withHalfLife(double h) {
    return new ProfileSettings(h, interestTags, roles, smoothing, minSupport, topB, delta, expanded);
  }

  public static ProfileSettings platform(double halfLife) {
    return new ProfileSettings(halfLife, TagInterest.TOP_TAGS, 10, 5.0, 2.0, 20, UserRoleExpansion.ITEM_TAG_THRESHOLD,
        UserRoleExpansion.EXPANDED_ROLES);
  }
}
