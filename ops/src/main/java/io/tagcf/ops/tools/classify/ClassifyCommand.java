package io.tagcf.ops.tools.classify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Suppliers;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.tools.InputException;
import io.tagcf.ops.tools.JsonFields;
import io.tagcf.ops.tools.JsonLine;
import io.tagcf.ops.tools.JsonLinesReader;
import io.tagcf.ops.tools.LocalModels;
import io.tagcf.ops.tools.ProblemReport;
import io.tagcf.ops.tools.Progress;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tagcf classify}: zero-shot classification of a JSON Lines file of texts. */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Give each text one of the labels: zero-shot by embedding (cosine of the text to each label's "
          + "description, else its name) or by the LLM when TAGCF_LLM_PROVIDER is set.",
      "Input lines {\"id\",\"text\"[,\"label\"]}; output lines {\"id\",\"label\",\"score\"} in input "
          + "order. The whole input is checked before any work, and --out is written only when all is "
          + "done. With gold labels the last line of stdout is accuracy=... n=..."
    })
public final class ClassifyCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "text", "label");

  enum Method { AUTO, EMBEDDING, LLM }

  static final class Labels {
    @Option(names = "--labels", paramLabel = "NAME[=DESC],...", split = ",",
        description = "The labels, comma-separated; NAME=DESCRIPTION gives the text to match.")
    List<String> inline;

    @Option(names = "--labels-file", paramLabel = "FILE",
        description = "The labels, one NAME[=DESCRIPTION] per line (descriptions may contain commas).")
    Path file;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Labels labelOptions;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "Texts, one JSON object per line.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Predictions, one JSON object per line (replaced).")
  Path out;

  @Option(names = "--method", defaultValue = "auto", paramLabel = "auto|embedding|llm",
      description = "auto: the LLM when TAGCF_LLM_PROVIDER is set, else embedding (default ${DEFAULT-VALUE}).")
  String methodName;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show a progress bar on stderr when it is a terminal (default on).")
  boolean progress;

  @Override
  public Integer call() throws Exception {
    Method method = method(methodName);
    LabelSet labels = labelOptions.file != null ? labelsFromFile(labelOptions.file)
        : LabelSet.parse(labelOptions.inline, "--labels");
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new InputException("--in and --out are the same file: " + in);
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null && !Files.isDirectory(dir)) {
      throw new InputException("cannot write --out " + out + ": directory " + dir + " does not exist");
    }
    TagcfConfig config = TagcfCommand.config(spec);
    Optional<LlmSettings> llm = config.llm();
    if (method == Method.LLM && llm.isEmpty()) {
      throw new InputException("--method llm needs an LLM: set TAGCF_LLM_PROVIDER (openai or ollama),"
          + " TAGCF_LLM_BASE_URL and TAGCF_LLM_MODEL");
    }
    List<TextItem> items = read(in, labels);
    PrintWriter err = spec.commandLine().getErr();
    ProblemReport problems = new ProblemReport(err, "tagcf classify: ", 50);
    boolean bar = progress && Progress.terminal();
    Supplier<EmbeddingClassifier> embedding = Suppliers.memoize(
        () -> new EmbeddingClassifier(LocalModels.embedder(config.embeddingModel()), labels, bar));
    Classifier classifier = method == Method.EMBEDDING || llm.isEmpty() ? embedding.get()
        : new LlmClassifier(llm.get(), labels, embedding, problems, bar);
    long start = System.nanoTime();
    List<Prediction> predictions = classifier.classify(items);
    write(items, predictions);
    problems.finish();

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "classified %d texts into %s in %.1f s by %s%s%n", items.size(), out,
        (System.nanoTime() - start) / 1e9, classifier.description(),
        classifier instanceof LlmClassifier l && l.fallbacks() > 0
            ? "; " + l.fallbacks() + " labelled by embedding after the LLM failed" : "");
    int n = 0;
    int correct = 0;
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).gold() != null) {
        n++;
        correct += items.get(i).gold().equals(predictions.get(i).label().name()) ? 1 : 0;
      }
    }
    if (n > 0) {
      double acc = (double) correct / n;
      double[] ci = wilson(correct, n);
      stdout.printf(Locale.ROOT, "%d of %d labelled texts correct; 95%% Wilson interval [%.4f, %.4f]%n",
          correct, n, ci[0], ci[1]);
      stdout.printf(Locale.ROOT, "accuracy=%.4f n=%d%n", acc, n);
    }
    stdout.flush();
    return 0;
  }

  private static Method method(String name) {
    try {
      return Method.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--method must be auto, embedding or llm, got " + name);
    }
  }

  private static LabelSet labelsFromFile(Path file) {
    JsonLinesReader.requireReadable(file, "--labels-file");
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      return LabelSet.parse(lines, "--labels-file " + file);
    } catch (IOException e) {
      throw new InputException("cannot read --labels-file " + file + ": " + e.getMessage());
    }
  }

  /** Every line is checked before any model work: a bad line 90,000 should not cost a run. */
  private static List<TextItem> read(Path file, LabelSet labels) {
    List<TextItem> items = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    try (JsonLinesReader reader = JsonLinesReader.open(file, "--in")) {
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
        String gold = f.string("label");
        String canonical = null;
        if (gold != null) {
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
    if (items.isEmpty()) {
      throw new InputException("--in " + file + " has no texts");
    }
    return items;
  }

  /** Written beside the target and moved over it at the end: never a half-written file. */
  private void write(List<TextItem> items, List<Prediction> predictions) throws IOException {
    Path tmp = out.resolveSibling(out.getFileName() + ".partial");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (int i = 0; i < items.size(); i++) {
        ObjectNode line = JSON.createObjectNode();
        line.set("id", items.get(i).id());
        line.put("label", predictions.get(i).label().name());
        if (predictions.get(i).score() == null) {
          line.putNull("score");
        } else {
          line.put("score", predictions.get(i).score());
        }
        w.write(JSON.writeValueAsString(line));
        w.newLine();
      }
    } catch (IOException e) {
      Files.deleteIfExists(tmp);
      throw new InputException("cannot write --out " + out + ": " + e.getMessage());
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Wilson score interval for a proportion: sensible at small n and near 0 or 1, unlike p ± 2 SE. */
  static double[] wilson(int successes, int n) {
    double z = 1.959964;
    double p = (double) successes / n;
    double denom = 1 + z * z / n;
    double centre = (p + z * z / (2.0 * n)) / denom;
    double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n)) / denom;
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
