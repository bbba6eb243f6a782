package io.tagcf.models.ranking.evaluation;

import java.util.List;

/**
 * One fit-and-score round of the protocol: what the models may learn from ({@code training}, one
 * history per user of the data set, in its order) and the item each user is scored on ({@code
 * targets}, -1 for a user not evaluated). {@code tuning} is true for the validation round.
 */
public record Phase(String name, boolean tuning, List<UserHistory> training, int[] targets) {
  public Phase {
    training = List.copyOf(training);
    if (targets.length != training.size()) {
      throw new IllegalArgumentException("one target per user is required");
    }
  }
}
