package io.tagcf.store.video;

/** A video id that already belongs to another creator cannot be overwritten by an upload. */
public final class CreatorMismatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CreatorMismatchException(String videoId) {
    super("video " + videoId + " belongs to another creator");
  }
}
