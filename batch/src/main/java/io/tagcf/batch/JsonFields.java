package io.tagcf.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed access to the fields of one input object that collects every problem, each naming its
 * field, so that a bad line is reported whole and once. JSON {@code null} counts as absent.
 */
public final class JsonFields {

  private final ObjectNode node;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> badFields = new HashSet<>();

  public JsonFields(ObjectNode node) {
    this.node = node;
  }

  public String string(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      fieldProblem(field, "must be a string");
      return null;
    }
    return v.asText();
  }

  public String requiredString(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      fieldProblem(field, "is required");
      return null;
    }
    String s = string(field);
    if (s != null && s.isBlank()) {
      fieldProblem(field, "must not be blank");
      return null;
    }
    return s;
  }

  public Double number(String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      fieldProblem(field, "must be a number");
      return null;
    }
    return v.asDouble();
  }

  /** Fields outside {@code known} are typos or data that would be silently dropped. */
  public void rejectUnknown(Set<String> known) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        problems.add("unknown field '" + f + "'");
      }
    }
  }

  public void problem(String what) {
    problems.add(what);
  }

  public void fieldProblem(String field, String what) {
    if (badFields.add(field)) {
      problems.add(field + " " + what);
    }
  }

  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Fails with every problem found so far, on one line. */
  public void throwIfInvalid(JsonLine line) {
    if (!problems.isEmpty()) {
      throw line.problem(String.join("; ", problems));
    }
  }
}
