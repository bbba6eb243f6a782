package io.tagcf.models.access;

/**
 * Who a request acts for: the key it presented, that key's role, and for a creator key the creator.
 *
 * @param creatorId the creator a creator key belongs to; null for service and admin keys
 */
public record Principal(String keyId, AccessRole role, String creatorId) {

  public Principal {
    if ((role == AccessRole.CREATOR) != (creatorId != null)) {
      throw new IllegalArgumentException("a creator key names its creator, and only a creator key does");
    }
  }

  /** Whether this principal may see and change a video of {@code ownerId}. */
  public boolean mayAccessVideoOf(String ownerId) {
    return role != AccessRole.CREATOR || creatorId.equals(ownerId);
  }
}
