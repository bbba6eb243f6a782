package io.tagcf.models.causal;

/** Treated and control rows occupy disjoint regions of covariate space: no adjustment can compare them. */
public final class NoOverlapException extends CausalInputException {
  private static final long serialVersionUID = 1L;

  public NoOverlapException(String message) {
    super(message);
  }
}
