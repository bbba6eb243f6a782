package io.tagcf.models.causal.nuisance;

/**
 * How the learners' out-of-fold predictions of one nuisance are compared when one is chosen;
 * lower is better.
 */
public interface SelectionCriterion {

  /** What is measured, as reported ("log loss", "mean |SMD| after weighting", ...). */
  String name();

  /** The score of one learner's out-of-fold predictions (one per row). */
  double score(double[] predictions);

  /** The family's loss (log loss or squared error) over the rows flagged, under their row weights. */
  static SelectionCriterion loss(NuisanceTask task, boolean[] rows) {
    return new SelectionCriterion() {
      @Override
      public String name() {
        return NuisanceLoss.name(task.family());
      }

      @Override
      public double score(double[] predictions) {
        return NuisanceLoss.mean(task.family(), task.target(), task.weights(), rows, predictions);
      }
    };
  }
}
