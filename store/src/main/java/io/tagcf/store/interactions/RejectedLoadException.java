package io.tagcf.store.interactions;

/** A load refused for its content (an unknown video, a repeated event id): nothing of it was stored. */
public class RejectedLoadException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public RejectedLoadException(String message) {
    super(message);
  }
}
