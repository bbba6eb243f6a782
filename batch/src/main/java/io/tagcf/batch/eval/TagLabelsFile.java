package io.tagcf.batch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.batch.InputException;
import io.tagcf.batch.JsonFields;
import io.tagcf.batch.JsonLine;
import io.tagcf.batch.JsonLinesReader;
import io.tagcf.models.tags.TagKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gold or prediction file of {@code tagcf eval-tagging}: one object per line with
 * {@code videoId} and the lists {@code itemTags} and {@code audienceTags}, whose entries are
 * labels or {@code {"label", "score"}} objects (the {@code tagcf tag} output). Other fields are
 * ignored, so the output of any tagger that writes these three fields can be scored. A missing
 * list counts as empty. When every entry of a list has a score, the list is ranked by score;
 * otherwise its order is its rank.
 */
public record TagLabelsFile(String name, Map<TagKind, Map<String, List<String>>> labels, int videos) {

  private static final Map<TagKind, String> FIELD = Map.of(TagKind.ITEM, "itemTags", TagKind.AUDIENCE, "audienceTags");

  public Map<String, List<String>> of(TagKind kind) {
    return labels.get(kind);
  }

  /**
   * @param option the option naming the file, for messages
   */
  static TagLabelsFile read(Path file, String option) {
    Map<TagKind, Map<String, List<String>>> labels = new EnumMap<>(TagKind.class);
    for (TagKind k : TagKind.values()) {
      labels.put(k, new LinkedHashMap<>());
    }
    Map<String, Integer> firstLine = new HashMap<>();
    try (JsonLinesReader reader = JsonLinesReader.open(file, option)) {
      while (reader.hasNext()) {
        JsonLine line = reader.next();
        ObjectNode node = line.object();
        JsonFields f = new JsonFields(node);
        String id = f.requiredString("videoId");
        Map<TagKind, List<String>> parsed = new EnumMap<>(TagKind.class);
        for (TagKind kind : TagKind.values()) {
          parsed.put(kind, list(node.get(FIELD.get(kind)), FIELD.get(kind), f));
        }
        f.throwIfInvalid(line);
        Integer first = firstLine.putIfAbsent(id, line.number());
        if (first != null) {
          throw line.problem("videoId " + id + " already on line " + first);
        }
        parsed.forEach((kind, list) -> labels.get(kind).put(id, list));
      }
    }
    if (firstLine.isEmpty()) {
      throw new InputException(option + " " + file + " has no videos");
    }
    labels.replaceAll((k, m) -> Collections.unmodifiableMap(m));
    return new TagLabelsFile(file.toString(), labels, firstLine.size());
  }

  private static List<String> list(JsonNode array, String field, JsonFields f) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      f.fieldProblem(field, "must be an array of labels or {\"label\",\"score\"} objects");
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode e = array.get(i);
      String at = field + "[" + i + "]";
      if (e.isTextual()) {
        labels.add(e.asText());
        scores.add(null);
      } else if (e.isObject() && e.path("label").isTextual()) {
        JsonNode score = e.get("score");
        if (score != null && !score.isNull() && !score.isNumber()) {
          f.fieldProblem(at, "score must be a number");
        }
        labels.add(e.get("label").asText());
        scores.add(score != null && score.isNumber() ? score.asDouble() : null);
      } else {
        f.fieldProblem(at, "must be a label string or an object with a string \"label\"");
      }
    }
    if (!scores.isEmpty() && scores.stream().allMatch(s -> s != null)) {
      Integer[] order = new Integer[labels.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // stable: equal scores keep the file's order
      java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed());
      List<String> ranked = new ArrayList<>(labels.size());
      for (Integer i : order) {
        ranked.add(labels.get(i));
      }
      return List.copyOf(ranked);
    }
    return List.copyOf(labels);
  }
}
