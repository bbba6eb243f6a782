package io.tagcf.models.ranking.evaluation;

import java.util.List;

/** A classical recommender the TagCF scores are added to, fitted on a round's training histories. */
public interface BaseRecommender {

  /** Name and hyperparameters, for the report. */
  String describe();

  Fitted fit(List<UserHistory> training, int itemCount);

  /** A fitted model: adds a user's score of every item to {@code scores} (length = item count). */
  @FunctionalInterface
  interface Fitted {
    void score(UserHistory history, float[] scores);
  }
}
