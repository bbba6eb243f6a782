package io.tagcf.models.causal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The estimators the engine offers, with the short names the CLI and the JSON use. */
public enum Method {
  DIM("dim", "difference in means (naive)"),
  RA("ra", "regression adjustment"),
  IPW("ipw", "inverse probability weighting"),
  AIPW("aipw", "augmented IPW (doubly robust, cross-fitted)"),
  PSM("psm", "propensity-score matching"),
  NNM("nnm", "covariate nearest-neighbour matching (bias-corrected)"),
  IV("iv", "instrumental variables (Wald / 2SLS)");

  private final String label;
  private final String description;

  Method(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** Parses "dim,ra,aipw" or "all"; order and duplicates do not matter. */
  public static Set<Method> parseList(String text) {
    EnumSet<Method> methods = EnumSet.noneOf(Method.class);
    for (String part : text.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        methods.addAll(EnumSet.allOf(Method.class));
        continue;
      }
      Method found = null;
      for (Method m : values()) {
        if (m.label.equals(name)) {
          found = m;
        }
      }
      if (found == null) {
        throw new CausalInputException(
            "unknown method '" + part.trim() + "' (use dim, ra, ipw, aipw, psm, nnm, iv or all)");
      }
      methods.add(found);
    }
    if (methods.isEmpty()) {
      throw new CausalInputException("no method given (use dim, ra, ipw, aipw, psm, nnm, iv or all)");
    }
    return methods;
  }
}
