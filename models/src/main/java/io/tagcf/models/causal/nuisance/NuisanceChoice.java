package io.tagcf.models.causal.nuisance;

import java.util.List;

/**
 * How one cross-fitted nuisance model was built: the learners tried, the score of each one's
 * out-of-fold predictions, and the one used.
 *
 * @param nuisance what was predicted ("propensity", "outcome_control", "outcome_treated")
 * @param criterion what the scores measure (lower is better), e.g. "squared error, weighted to the treated"
 * @param learners learner names, in the order of {@code scores}
 * @param scores each learner's score on its out-of-fold predictions
 * @param chosen the learner whose predictions were used
 */
public record NuisanceChoice(
    String nuisance, String criterion, List<String> learners, List<Double> scores, String chosen) {

  public NuisanceChoice {
    learners = List.copyOf(learners);
    scores = List.copyOf(scores);
    if (learners.isEmpty() || learners.size() != scores.size() || !learners.contains(chosen)) {
      throw new IllegalArgumentException("one score per learner, and the chosen learner among them");
    }
  }
}
