package io.tagcf.ops.tools.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.tools.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tagcf eval-tagging}: precision/recall/F1 at k of predicted tags against gold labels. */
@Command(
    name = "eval-tagging",
    mixinStandardHelpOptions = true,
    description = {
      "Score predicted tags against gold labels: precision, recall and F1 at each k, per tag kind "
          + "(item, audience), with 95% bootstrap intervals over videos.",
      "Gold lines: {\"videoId\",\"itemTags\":[labels],\"audienceTags\":[labels]} (labels may also be "
          + "{\"label\",...} objects); predictions in the tagcf tag output format. Labels match after "
          + "Unicode (NFKC), case and whitespace folding."
    })
public final class EvalTaggingCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold labels, one JSON object per line.")
  Path gold;

  @Option(names = "--pred", required = true, paramLabel = "FILE", description = "Predicted tags (tagcf tag output).")
  Path pred;

  @Option(names = "--k", defaultValue = "5,10", paramLabel = "K[,K...]", description = "Cut-offs (default ${DEFAULT-VALUE}).")
  String ks;

  @Option(names = "--format", defaultValue = "table", paramLabel = "table|json", description = "Output format (default ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    List<Integer> cutoffs = cutoffs(ks);
    boolean json = switch (format.strip().toLowerCase(Locale.ROOT)) {
      case "table" -> false;
      case "json" -> true;
      default -> throw new InputException("--format must be table or json, got " + format);
    };
    TagLabelsFile goldFile = TagLabelsFile.read(gold, "--gold");
    TagLabelsFile predFile = TagLabelsFile.read(pred, "--pred");
    List<EvalRow> rows = TaggingReport.evaluate(goldFile, predFile, cutoffs);
    long covered = goldFile.of(TagKind.ITEM).keySet().stream().filter(predFile.of(TagKind.ITEM)::containsKey).count();
    PrintWriter out = spec.commandLine().getOut();
    if (covered == 0) {
      spec.commandLine().getErr().println("tagcf eval-tagging: warning: none of the " + goldFile.videos()
          + " gold videos has a line in " + pred + " (do the videoIds match?)");
    }
    out.print(json ? json(goldFile, predFile, covered, rows) : table(goldFile, predFile, covered, rows));
    out.flush();
    return 0;
  }

  static List<Integer> cutoffs(String spec) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String part : spec.split(",", -1)) {
      try {
        int k = Integer.parseInt(part.strip());
        if (k < 1 || k > 1_000) {
          throw new NumberFormatException();
        }
        out.add(k);
      } catch (NumberFormatException e) {
        throw new InputException("--k must be a comma-separated list of integers from 1 to 1000, got '" + spec + "'");
      }
    }
    return new ArrayList<>(out);
  }

  private static String table(TagLabelsFile gold, TagLabelsFile pred, long covered, List<EvalRow> rows) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "gold %s: %d videos, %d with a prediction in %s (%d videos)%n",
        gold.name(), gold.videos(), covered, pred.name(), pred.videos()));
    sb.append(String.format(Locale.ROOT, "%-9s %4s %7s  %-22s %-22s %-22s%n", "kind", "k", "videos",
        "precision [95% CI]", "recall [95% CI]", "F1 [95% CI]"));
    for (EvalRow r : rows) {
      if (r.videos() == 0) {
        sb.append(String.format(Locale.ROOT, "%-9s %4d %7d  no gold labels of this kind%n", r.kind().wireName(), r.k(), 0));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-9s %4d %7d  %-22s %-22s %-22s%n", r.kind().wireName(), r.k(), r.videos(),
          cell(r.precision()), cell(r.recall()), cell(r.f1())));
    }
    sb.append("Averages over gold videos; precision@k divides by min(k, tags predicted). Bootstrap over videos, ")
        .append(TaggingReport.RESAMPLES).append(" resamples.\n");
    return sb.toString();
  }

  private static String cell(Estimate e) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", e.value(), e.low(), e.high());
  }

  private static String json(TagLabelsFile gold, TagLabelsFile pred, long covered, List<EvalRow> rows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("gold", gold.name()).put("pred", pred.name()).put("goldVideos", gold.videos())
        .put("goldVideosWithPrediction", covered).put("predVideos", pred.videos())
        .put("bootstrapResamples", TaggingReport.RESAMPLES);
    ArrayNode results = root.putArray("results");
    for (EvalRow r : rows) {
      ObjectNode o = results.addObject().put("kind", r.kind().wireName()).put("k", r.k()).put("videos", r.videos());
      put(o, "precision", r.precision(), r.videos());
      put(o, "recall", r.recall(), r.videos());
      put(o, "f1", r.f1(), r.videos());
    }
    try {
      return JSON.writeValueAsString(root) + System.lineSeparator();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode o, String name, Estimate e, int videos) {
    if (videos == 0) {
      o.putNull(name);
      o.putNull(name + "Ci95");
      return;
    }
    o.put(name, round(e.value()));
    o.putArray(name + "Ci95").add(round(e.low())).add(round(e.high()));
  }

  private static double round(double x) {
    return Math.round(x * 1e6) / 1e6;
  }
}
