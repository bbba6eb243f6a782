package io.tagcf.models.causal;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Identifies an estimation method and the results it reports, with the short names the CLI and
 * the JSON use. Most methods are selectable ({@code --methods}) and report one estimate under their
 * own name; a variant such as {@link #IPW_HT} is reported alongside the estimate of the method that
 * computes it and cannot be selected on its own.
 */
public enum Method {
  DIM("dim", "difference in means (naive)", null),
  RA("ra", "regression adjustment", null),
  IPW("ipw", "inverse probability weighting", null),
  IPW_HT("ipw_ht", "inverse probability weighting, Horvitz-Thompson form (reported with ipw)", IPW),
  AIPW("aipw", "augmented IPW (doubly robust, cross-fitted)", null),
  PSM("psm", "propensity-score matching", null),
  NNM("nnm", "covariate nearest-neighbour matching (bias-corrected)", null),
  IV("iv", "instrumental variables (Wald / 2SLS)", null);

  private final String label;
  private final String description;
  private final Method variantOf;

  Method(String label, String description, Method variantOf) {
    this.label = label;
    this.description = description;
    this.variantOf = variantOf;
  }

  /** The short name in {@code --methods}, JSON, CSV and tables ("aipw", "ipw_ht", ...). */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** The selectable method whose estimator reports this one: itself, or IPW for IPW_HT. */
  public Method reportedBy() {
    return variantOf == null ? this : variantOf;
  }

  /** Whether the method can be requested ({@code --methods}, {@link AnalysisOptions#methods()}). */
  public boolean selectable() {
    return variantOf == null;
  }

  /** Every method that can be requested, in reporting order; what "all" means. */
  public static Set<Method> selectableValues() {
    EnumSet<Method> methods = EnumSet.noneOf(Method.class);
    for (Method m : values()) {
      if (m.selectable()) {
        methods.add(m);
      }
    }
    return methods;
  }

  /** Parses "dim,ra,aipw" or "all"; order and duplicates do not matter; variants are not accepted. */
  public static Set<Method> parseList(String text) {
    EnumSet<Method> methods = EnumSet.noneOf(Method.class);
    for (String part : text.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals("all")) {
        methods.addAll(selectableValues());
        continue;
      }
      Method found = null;
      for (Method m : selectableValues()) {
        if (m.label.equals(name)) {
          found = m;
        }
      }
      if (found == null) {
        throw new CausalInputException("unknown method '" + part.trim() + "' (use " + choices() + ")");
      }
      methods.add(found);
    }
    if (methods.isEmpty()) {
      throw new CausalInputException("no method given (use " + choices() + ")");
    }
    return methods;
  }

  /** "dim, ra, ipw, aipw, psm, nnm, iv or all". */
  private static String choices() {
    return selectableValues().stream().map(Method::label).collect(Collectors.joining(", ")) + " or all";
  }
}
