package io.tagcf.gateway.problem;

import io.tagcf.models.video.FieldViolation;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the OpenAPI validator's exceptions into field-level violations: the JSON pointer of each
 * schema error becomes the field name, and the parameter name of a parameter error.
 */
final class ValidationProblems {

  private static final Pattern PARAMETER = Pattern.compile("parameter ([A-Za-z0-9_.-]+)");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
  /**
   * Keywords whose error only says that a subschema failed. additionalProperties is one too: the
   * validator also reports a declared property that failed its own schema under it; an unknown
   * field has no other error, and is described as one.
   */
  private static final Set<String> APPLICATORS = Set.of("properties", "patternProperties", "additionalProperties",
      "items", "prefixItems", "contains", "$ref", "$dynamicRef", "allOf", "anyOf", "oneOf", "not", "if", "then",
      "else", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems");

  private ValidationProblems() {}

  static Problem from(ValidatorException e) {
    if (e.type() == ValidatorErrorType.ILLEGAL_VALUE && e.getMessage().contains("body")) {
      return Problem.invalid(List.of(new FieldViolation("body", "is not valid JSON")));
    }
    if (e.getMessage().contains("does not contain the required body")) {
      return Problem.invalid(List.of(new FieldViolation("body", "is required")));
    }
    String parameter = match(PARAMETER, e.getMessage());
    if (e instanceof SchemaValidationException schema) {
      List<FieldViolation> violations = fromOutput(schema.getOutputUnit(), parameter);
      if (!violations.isEmpty()) {
        return Problem.invalid(violations);
      }
    }
    String field = parameter != null ? parameter : "body";
    return Problem.invalid(List.of(new FieldViolation(field, "is invalid: " + e.getMessage())));
  }

  /**
   * One violation per field, in the order the validator reports them. The validator lists every
   * schema that failed on the way down (a property, its array item, the item's reference), and
   * an applicator's error comes before the assertion that says what is wrong: a field's message is
   * its first assertion's ("-1 is less than 0"), and a field whose descendants are named (events,
   * events.0 before events.0.watchRatio) is left out.
   */
  private static List<FieldViolation> fromOutput(OutputUnit root, String parameter) {
    Map<String, OutputUnit> byField = new LinkedHashMap<>();
    List<OutputUnit> leaves = new ArrayList<>();
    collect(root, leaves);
    for (OutputUnit u : leaves) {
      String error = u.getError();
      if (error == null || error.isBlank()) {
        continue;
      }
      String field = fieldOf(u, parameter);
      OutputUnit chosen = byField.get(field);
      if (chosen == null || (APPLICATORS.contains(keyword(chosen)) && !APPLICATORS.contains(keyword(u)))) {
        byField.put(field, u);
      }
    }
    List<FieldViolation> out = new ArrayList<>();
    byField.forEach((f, u) -> {
      if (byField.keySet().stream().noneMatch(other -> other.startsWith(f + "."))) {
        out.add(new FieldViolation(f, describe(u, u.getError())));
      }
    });
    return out;
  }

  private static void collect(OutputUnit u, List<OutputUnit> into) {
    if (u.getErrors() == null || u.getErrors().isEmpty()) {
      into.add(u);
      return;
    }
    for (OutputUnit child : u.getErrors()) {
      collect(child, into);
    }
  }

  private static String fieldOf(OutputUnit u, String parameter) {
    String location = u.getInstanceLocation() == null ? "" : u.getInstanceLocation();
    String pointer = location.startsWith("#") ? location.substring(1) : location;
    String keyword = keyword(u);
    if ("required".equals(keyword) || "additionalProperties".equals(keyword)) {
      String name = match(QUOTED, u.getError());
      if (name != null) {
        // Some validators point at the object, others already at the offending property.
        return join(parameter, pointer.endsWith("/" + name) ? pointer : pointer + "/" + name, null);
      }
    }
    if (pointer.isEmpty() || "/".equals(pointer)) {
      return parameter != null ? parameter : "body";
    }
    return join(parameter, pointer, null);
  }

  private static String join(String parameter, String pointer, String leaf) {
    StringBuilder sb = new StringBuilder(parameter == null ? "" : parameter);
    for (String part : pointer.split("/")) {
      if (!part.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    if (leaf != null) {
      sb.append(sb.length() == 0 ? "" : ".").append(leaf);
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }

  private static String keyword(OutputUnit u) {
    String loc = u.getKeywordLocation() == null ? "" : u.getKeywordLocation();
    int slash = loc.lastIndexOf('/');
    return slash >= 0 ? loc.substring(slash + 1) : loc;
  }

  private static String describe(OutputUnit u, String error) {
    switch (keyword(u)) {
      case "required":
        return "is required";
      case "additionalProperties":
        return "is not a known field";
      default:
        return error;
    }
  }

  private static String match(Pattern p, String s) {
    if (s == null) {
      return null;
    }
    Matcher m = p.matcher(s);
    return m.find() ? m.group(1) : null;
  }
}
