package io.tagcf.analysis;

/** Input the command cannot use; the message is the one line the user sees. */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
