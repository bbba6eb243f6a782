package io.tagcf.models.explanations;

import java.util.List;

/**
 * The faithfulness verifier's answer about one explanation: passed, or the findings that failed it.
 *
 * @param findings empty when it passed
 */
public record Verdict(boolean passed, List<Finding> findings) {

  public Verdict {
    findings = List.copyOf(findings);
  }

  /**
   * One thing the text says that the evidence does not back.
   *
   * @param code a stable code (see {@link FaithfulnessVerifier}), what APIs show
   * @param detail one line for operators: where and why
   */
  public record Finding(String code, String detail) {}

  public static Verdict of(List<Finding> findings) {
    return new Verdict(findings.isEmpty(), findings);
  }

  public List<String> codes() {
    return findings.stream().map(Finding::code).distinct().toList();
  }
}
