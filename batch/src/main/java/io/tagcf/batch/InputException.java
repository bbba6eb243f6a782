package io.tagcf.batch;

/**
 * Input a batch tool cannot use: a missing file, a bad line, a wrong option value. The message is
 * one line that names the file, line number and field, because it is all the user sees.
 */
public final class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InputException(String message) {
    super(message);
  }
}
