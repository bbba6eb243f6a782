package io.tagcf.ops.tools;

import com.google.common.base.Suppliers;
import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.batch.InputException;
import io.tagcf.batch.LocalModels;
import io.tagcf.batch.ProblemReport;
import io.tagcf.batch.Progress;
import io.tagcf.batch.classify.Accuracy;
import io.tagcf.batch.classify.Classifier;
import io.tagcf.batch.classify.ClassifyInput;
import io.tagcf.batch.classify.EmbeddingClassifier;
import io.tagcf.batch.classify.FewShotClassifier;
import io.tagcf.batch.classify.LabelSet;
import io.tagcf.batch.classify.LlmClassifier;
import io.tagcf.batch.classify.Prediction;
import io.tagcf.batch.classify.PredictionsFile;
import io.tagcf.batch.classify.TextItem;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
      "Give each text of a JSON Lines file one of the given labels.",
      "Zero-shot by embedding (cosine of the text to each label's description, else its name), or by"
          + " the LLM when TAGCF_LLM_PROVIDER is set; few-shot from labelled examples with --train (the k"
          + " nearest examples vote, or the nearest class prototype wins).",
      "Input lines {\"id\",\"text\"[,\"label\"]}; output lines {\"id\",\"label\",\"score\"} in input "
          + "order. The whole input is checked before any work, and --out is written only when all is "
          + "done. With gold labels the last line of stdout is accuracy=... n=..."
    })
public final class ClassifyCommand implements Callable<Integer> {

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

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Labels labelOptions;

  @Option(names = "--train", paramLabel = "FILE",
      description = "Labelled examples, lines {\"id\",\"text\",\"label\"}: classify few-shot from them. The labels are"
          + " theirs unless --labels or --labels-file is given. An input line with a training line's id does not see it.")
  Path train;

  @Option(names = "--few-shot", defaultValue = "knn", paramLabel = "knn|prototype",
      description = "With --train: knn (the k nearest examples vote, weighted by similarity) or prototype (the nearest"
          + " mean of a label's examples) (default ${DEFAULT-VALUE}).")
  String fewShotName;

  @Option(names = "--k", defaultValue = "10", paramLabel = "N", description = "With --few-shot knn: examples that vote (default ${DEFAULT-VALUE}).")
  int k;

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
    FewShotClassifier.Method fewShot = fewShot(fewShotName);
    if (k < 1) {
      throw new InputException("--k must be a positive integer, got " + k);
    }
    if (train != null && method == Method.LLM) {
      throw new InputException("--train classifies few-shot by embedding; it does not go with --method llm");
    }
    if (labelOptions == null && train == null) {
      throw new InputException("give the labels (--labels or --labels-file), or labelled examples (--train)");
    }
    LabelSet given = labelOptions == null ? null
        : labelOptions.file != null ? ClassifyInput.labelsFromFile(labelOptions.file)
        : LabelSet.parse(labelOptions.inline, "--labels");
    ClassifyInput.Training training = train == null ? null : ClassifyInput.training(train, given);
    LabelSet labels = training == null ? given : training.labels();
    List<TextItem> examples = training == null ? List.of() : training.examples();
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new InputException("--in and --out are the same file: " + in);
    }
    PredictionsFile.requireWritable(out);
    TagcfConfig config = TagcfCommand.config(spec);
    Optional<LlmSettings> llm = config.llm();
    if (method == Method.LLM && llm.isEmpty()) {
      throw new InputException("--method llm needs an LLM: set TAGCF_LLM_PROVIDER (openai or ollama),"
          + " TAGCF_LLM_BASE_URL and TAGCF_LLM_MODEL");
    }
    List<TextItem> items = ClassifyInput.texts(in, labels);
    PrintWriter err = spec.commandLine().getErr();
    ProblemReport problems = new ProblemReport(err, "tagcf classify: ", 50);
    boolean bar = progress && Progress.terminal();
    Supplier<EmbeddingClassifier> embedding = Suppliers.memoize(
        () -> new EmbeddingClassifier(LocalModels.embedder(config.embeddingModel()), labels, bar));
    Classifier classifier = train != null
        ? new FewShotClassifier(LocalModels.embedder(config.embeddingModel()), labels, examples, fewShot, k, bar)
        : method == Method.EMBEDDING || llm.isEmpty() ? embedding.get()
        : new LlmClassifier(llm.get(), labels, embedding, problems, bar);
    long start = System.nanoTime();
    List<Prediction> predictions = classifier.classify(items);
    PredictionsFile.write(out, items, predictions);
    problems.finish();

    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "classified %d texts into %s in %.1f s by %s%s%n", items.size(), out,
        (System.nanoTime() - start) / 1e9, classifier.description(),
        classifier instanceof LlmClassifier l && l.fallbacks() > 0
            ? "; " + l.fallbacks() + " labelled by embedding after the LLM failed" : "");
    Accuracy accuracy = Accuracy.of(items, predictions);
    if (accuracy.labelled() > 0) {
      double[] ci = accuracy.wilson95();
      stdout.printf(Locale.ROOT, "%d of %d labelled texts correct; 95%% Wilson interval [%.4f, %.4f]%n",
          accuracy.correct(), accuracy.labelled(), ci[0], ci[1]);
      stdout.printf(Locale.ROOT, "accuracy=%.4f n=%d%n", accuracy.value(), accuracy.labelled());
    }
    stdout.flush();
    return 0;
  }

  private static FewShotClassifier.Method fewShot(String name) {
    try {
      return FewShotClassifier.Method.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--few-shot must be knn or prototype, got " + name);
    }
  }

  private static Method method(String name) {
    try {
      return Method.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--method must be auto, embedding or llm, got " + name);
    }
  }
}
