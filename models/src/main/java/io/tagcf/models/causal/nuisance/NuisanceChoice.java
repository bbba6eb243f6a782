package io.tagcf.models.causal.nuisance;

import java.util.List;

/**
 * How one cross-fitted nuisance model was built: the learners tried, each one's cross-validated
 * loss (on out-of-fold predictions), and the one used.
 *
 * @param nuisance what was predicted ("propensity", "outcome_control", "outcome_treated")
 * @param loss "log loss" (logistic targets) or "squared error"
 * @param learners learner names, in the order of {@code cvLoss}
 * @param cvLoss weighted mean out-of-fold loss of each learner
 * @param chosen the learner whose predictions were used
 */
public record NuisanceChoice(String nuisance, String loss, List<String> learners, List<Double> cvLoss, String chosen) {

  public NuisanceChoice {
    learners = List.copyOf(learners);
    cvLoss = List.copyOf(cvLoss);
    if (learners.isEmpty() || learners.size() != cvLoss.size() || !learners.contains(chosen)) {
      throw new IllegalArgumentException("one loss per learner, and the chosen learner among them");
    }
  }
}
