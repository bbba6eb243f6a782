package io.tagcf.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One non-blank line of a JSON Lines file, with where it came from for error messages. */
public record JsonLine(String file, int number, String text) {

  /** Strict: "{...}}" is not a valid line, though a lenient reader would stop after the object. */
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** "videos.jsonl line 7" */
  public String where() {
    return file + " line " + number;
  }

  public InputException problem(String what) {
    return new InputException(where() + ": " + what);
  }

  /** The line as a JSON object. */
  public ObjectNode object() {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw problem("not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")");
    }
    if (!(node instanceof ObjectNode object)) {
      throw problem("not a JSON object");
    }
    return object;
  }
}
