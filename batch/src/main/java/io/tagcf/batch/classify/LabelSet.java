package io.tagcf.batch.classify;

import io.tagcf.batch.InputException;
import io.tagcf.models.evaluation.LabelNormaliser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels of {@code tagcf classify}, each {@code name} or {@code name=description}. The name
 * is what is written; the description, when given, is what the text is compared with, because
 * "sports=football basketball running fitness 运动健身" says more than "sports". Names match gold
 * labels and LLM replies after {@link LabelNormaliser} folding.
 */
public record LabelSet(List<Label> labels) {

  public record Label(String name, String description) {
    /** The text embedded for the zero-shot match. */
    String matchText() {
      return description != null ? description : name;
    }
  }

  public LabelSet {
    labels = List.copyOf(labels);
  }

  /**
   * @param specs one entry per label; {@code source} names the option they came from
   */
  public static LabelSet parse(List<String> specs, String source) {
    Map<String, Label> byKey = new LinkedHashMap<>();
    for (String raw : specs) {
      String spec = raw.strip();
      if (spec.isEmpty()) {
        throw new InputException(source + ": empty label (two commas in a row, or a trailing comma?)");
      }
      int eq = spec.indexOf('=');
      String name = (eq < 0 ? spec : spec.substring(0, eq)).strip();
      String description = eq < 0 ? null : spec.substring(eq + 1).strip();
      if (name.isEmpty()) {
        throw new InputException(source + ": label '" + spec + "' has no name before '='");
      }
      if (description != null && description.isEmpty()) {
        throw new InputException(source + ": label '" + name + "' has an empty description after '='");
      }
      if (name.codePoints().anyMatch(Character::isISOControl)) {
        throw new InputException(source + ": label names must not contain control characters");
      }
      Label previous = byKey.putIfAbsent(LabelNormaliser.normalise(name), new Label(name, description));
      if (previous != null) {
        throw new InputException(source + ": label '" + name + "' is given twice");
      }
    }
    if (byKey.size() < 2) {
      throw new InputException(source + ": give at least two labels to choose from, got " + byKey.size());
    }
    return new LabelSet(new ArrayList<>(byKey.values()));
  }

  public Optional<Label> find(String name) {
    String key = LabelNormaliser.normalise(name);
    return labels.stream().filter(l -> LabelNormaliser.normalise(l.name()).equals(key)).findFirst();
  }

  public String names() {
    return String.join(", ", labels.stream().map(Label::name).toList());
  }
}
