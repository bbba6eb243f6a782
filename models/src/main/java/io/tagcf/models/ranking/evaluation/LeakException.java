package io.tagcf.models.ranking.evaluation;

/** A stage of the evaluation was about to learn from an event it is scored on. */
public final class LeakException extends IllegalStateException {
  public LeakException(String message) {
    super(message);
  }
}
