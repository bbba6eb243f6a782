package io.tagcf.batch.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.batch.InputException;
import io.tagcf.batch.JsonFields;
import io.tagcf.batch.JsonLine;
import io.tagcf.batch.JsonLinesReader;
import io.tagcf.models.evaluation.LabelNormaliser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The input of {@code tagcf classify}: the labels and the texts, each checked whole before any model work. */
public final class ClassifyInput {

  private static final Set<String> FIELDS = Set.of("id", "text", "label");

  private ClassifyInput() {}

  /** Labels one {@code NAME[=DESCRIPTION]} per line; blank lines and {@code #} comments are skipped. */
  public static LabelSet labelsFromFile(Path file) {
    JsonLinesReader.requireReadable(file, "--labels-file");
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      return LabelSet.parse(lines, "--labels-file " + file);
    } catch (IOException e) {
      throw new InputException("cannot read --labels-file " + file + ": " + e.getMessage());
    }
  }

  /** Labelled examples and the labels they teach. */
  public record Training(LabelSet labels, List<TextItem> examples) {}

  /**
   * Every line of a training file, each with a label: one of {@code labels}, or when that is
   * null any, the labels then being the examples' distinct ones in order of first use.
   */
  public static Training training(Path file, LabelSet labels) {
    List<TextItem> items = read(file, labels, "--train", true);
    if (items.isEmpty()) {
      throw new InputException("--train " + file + " has no examples");
    }
    if (labels != null) {
      return new Training(labels, items);
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (TextItem t : items) {
      if (seen.add(LabelNormaliser.normalise(t.gold()))) {
        names.add(t.gold());
      }
    }
    LabelSet own = LabelSet.parse(names, "--train " + file);
    List<TextItem> canonical = items.stream()
        .map(t -> new TextItem(t.where(), t.id(), t.text(), own.find(t.gold()).orElseThrow().name()))
        .toList();
    return new Training(own, canonical);
  }

  /**
   * Every line of {@code file} as a text to classify. Every line is checked before any model
   * work: a bad line 90,000 should not cost a run.
   *
   * @throws InputException naming the line and field of the first bad line
   */
  public static List<TextItem> texts(Path file, LabelSet labels) {
    List<TextItem> items = read(file, labels, "--in", false);
    if (items.isEmpty()) {
      throw new InputException("--in " + file + " has no texts");
    }
    return items;
  }

  private static List<TextItem> read(Path file, LabelSet labels, String option, boolean labelRequired) {
    List<TextItem> items = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    try (JsonLinesReader reader = JsonLinesReader.open(file, option)) {
      while (reader.hasNext()) {
        JsonLine line = reader.next();
        ObjectNode node = line.object();
        JsonFields f = new JsonFields(node);
        f.rejectUnknown(FIELDS);
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) {
          f.fieldProblem("id", "is required");
        } else if (!(id.isTextual() && !id.asText().isBlank()) && !id.isIntegralNumber()) {
          f.fieldProblem("id", "must be a non-blank string or an integer");
        }
        String text = f.requiredString("text");
        String gold = labelRequired ? f.requiredString("label") : f.string("label");
        String canonical = null;
        if (gold != null && labels == null) {
          canonical = gold;
        } else if (gold != null) {
          canonical = labels.find(gold).map(LabelSet.Label::name).orElse(null);
          if (canonical == null) {
            f.fieldProblem("label", "'" + gold + "' is not one of the labels (" + labels.names() + ")");
          }
        }
        f.throwIfInvalid(line);
        Integer first = firstLine.putIfAbsent(id.asText(), line.number());
        if (first != null) {
          throw line.problem("id " + id.asText() + " already on line " + first);
        }
        items.add(new TextItem(line.where(), id, text, canonical));
      }
    }
    return items;
  }
}
