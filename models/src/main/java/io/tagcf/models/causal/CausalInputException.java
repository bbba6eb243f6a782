package io.tagcf.models.causal;

/**
 * The data cannot support the requested estimate (constant treatment, no overlap, too few rows...).
 * The message is written for the analyst and names the offending column or condition.
 */
public class CausalInputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public CausalInputException(String message) {
    super(message);
  }
}
