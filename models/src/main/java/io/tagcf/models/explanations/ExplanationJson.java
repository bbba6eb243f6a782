package io.tagcf.models.explanations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The stable JSON forms of evidence and of an explanation's parts: fields in record order, so the
 * same evidence always serialises to the same text (what is stored, and what the LLM reads).
 */
public final class ExplanationJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ExplanationJson() {}

  public static String evidence(Evidence e) {
    return write(e);
  }

  public static Evidence parseEvidence(String json) {
    return read(json, new TypeReference<>() {});
  }

  public static String drivers(List<Explanation.Driver> drivers) {
    return write(drivers);
  }

  public static List<Explanation.Driver> parseDrivers(String json) {
    return read(json, new TypeReference<>() {});
  }

  public static String suggestions(List<Explanation.Suggestion> suggestions) {
    return write(suggestions);
  }

  public static List<Explanation.Suggestion> parseSuggestions(String json) {
    return read(json, new TypeReference<>() {});
  }

  public static String findings(List<Verdict.Finding> findings) {
    return write(findings);
  }

  public static List<Verdict.Finding> parseFindings(String json) {
    return read(json, new TypeReference<>() {});
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stored " + type.getType().getTypeName() + ": " + e.getOriginalMessage(), e);
    }
  }
}
