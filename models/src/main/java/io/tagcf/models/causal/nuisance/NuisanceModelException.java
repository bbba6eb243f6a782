package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.CausalInputException;

/**
 * The nuisance learner the user asked for explicitly cannot be fitted on this design. Unlike
 * other estimator failures, which become warnings next to the other methods' results, it stops
 * the analysis: the user chose the learner, so silently reporting without it would mislead.
 */
public final class NuisanceModelException extends CausalInputException {
  private static final long serialVersionUID = 1L;

  public NuisanceModelException(String message) {
    super(message);
  }
}
