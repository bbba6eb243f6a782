package io.tagcf.workflows.effects;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;

/**
 * The reason a failure gives in the application's own words, for a snapshot's error and the
 * schedule's status: Temporal's wrappers are skipped (an {@link ActivityFailure} or
 * {@link ChildWorkflowFailure} message names only the activity or workflow and its event ids), and
 * an {@link ApplicationFailure} gives its original message, without its type and retry flag.
 */
final class FailureReason {

  private FailureReason() {}

  static String of(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) && t.getCause() != null) {
      t = t.getCause();
    }
    return t instanceof ApplicationFailure app ? app.getOriginalMessage() : t.getMessage();
  }
}
