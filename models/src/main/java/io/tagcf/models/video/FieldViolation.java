package io.tagcf.models.video;

/** One invalid input field and what is wrong with it, phrased for the caller. */
public record FieldViolation(String field, String problem) {
  @Override
  public String toString() {
    return field + " " + problem;
  }
}
