package io.tagcf.models.ranking;

/**
 * A role of the user's logic expansion T(1) with its weight (P(t′ | u) in the paper's score) and
 * the strongest path that reached it: the user's role {@code viaRoleId} ∈ T(0), the item tag
 * {@code viaItemTagId} ∈ C(1) it points at (U2I), which points at this role (I2U).
 */
public record ExpandedRole(long roleId, double weight, long viaRoleId, long viaItemTagId) {
  public ExpandedRole {
    if (!(weight >= 0 && weight <= 1 + 1e-9)) {
      throw new IllegalArgumentException("expanded role weight must be in [0, 1]: " + weight);
    }
  }
}
