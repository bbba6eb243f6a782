package io.tagcf.models.causal.weighting;

/** How propensities outside [clip, 1 - clip] are handled. */
public enum PropensityTrim {
  /** The row is kept and its propensity bounded to the band. */
  CLIP("clipped"),
  /** The row is dropped, which changes the population the effect is about. */
  TRIM("trimmed");

  private final String verb;

  PropensityTrim(String verb) {
    this.verb = verb;
  }

  /** "clipped" or "trimmed", as warnings say it. */
  public String verb() {
    return verb;
  }

  /** The details key under which estimates report the share of weight affected. */
  public String shareDetail() {
    return verb + "_share";
  }
}
