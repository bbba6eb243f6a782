package io.tagcf.models.causal.nuisance;

import io.tagcf.models.causal.CausalInputException;
import java.util.Locale;

/**
 * Which learners fit the cross-fitted nuisance models (propensity score, outcome regressions):
 * the penalised GLM, gradient-boosted trees, or both with the cross-validated choice between them.
 */
public enum NuisanceModel {
  /** The L2-penalised GLM on the (optionally expanded) standardised covariates. */
  GLM("glm"),
  /** Gradient-boosted trees (XGBoost) on the covariates as given. */
  BOOST("boost"),
  /**
   * Both learners, combined per nuisance with the convex weight that minimises the
   * cross-validated loss: the best one alone or a mixture (a two-learner super learner).
   */
  AUTO("auto");

  private final String label;

  NuisanceModel(String label) {
    this.label = label;
  }

  /** The name in {@code --nuisance}, JSON and tables. */
  public String label() {
    return label;
  }

  /**
   * @throws CausalInputException naming the accepted values
   */
  public static NuisanceModel parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (NuisanceModel m : values()) {
      if (m.label.equals(t)) {
        return m;
      }
    }
    throw new CausalInputException("unknown nuisance model '" + text + "' (use glm, boost or auto)");
  }
}
