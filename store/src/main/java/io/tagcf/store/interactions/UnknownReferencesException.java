package io.tagcf.store.interactions;

/**
 * A batch refused because its events name users or videos the platform does not know: nothing of
 * it was stored. Carries the first few of each and their counts, so that the caller can name them.
 */
public final class UnknownReferencesException extends RejectedLoadException {
  private static final long serialVersionUID = 1L;

  private final transient UnknownIds users;
  private final transient UnknownIds videos;

  public UnknownReferencesException(UnknownIds users, UnknownIds videos) {
    super(users.count() + " unknown user ids " + users.named() + ", " + videos.count() + " unknown video ids "
        + videos.named());
    this.users = users;
    this.videos = videos;
  }

  public UnknownIds users() {
    return users;
  }

  public UnknownIds videos() {
    return videos;
  }
}
