package io.tagcf.models.roles;

/** A user's role tag with P(role | user) and its rank among the user's roles (1 = most likely). */
public record RoleScore(long tagId, double probability, int rank) {
  public RoleScore {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability of role " + tagId + " must be in [0, 1]: " + probability);
    }
    if (rank < 1) {
      throw new IllegalArgumentException("rank of role " + tagId + " must be at least 1: " + rank);
    }
  }
}
