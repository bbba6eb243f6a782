package io.tagcf.batch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.tags.TagKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tagcf eval-tagging} reports: precision, recall and F1 at each k per tag kind, with
 * bootstrap intervals, over the gold videos, as a table or as JSON.
 *
 * @param covered gold videos that have a prediction line
 */
public record EvalReport(TagLabelsFile gold, TagLabelsFile pred, long covered, List<EvalRow> rows) {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * @throws io.tagcf.batch.InputException naming the file and line of the first bad line
   */
  public static EvalReport evaluate(Path gold, Path pred, List<Integer> cutoffs) {
    TagLabelsFile goldFile = TagLabelsFile.read(gold, "--gold");
    TagLabelsFile predFile = TagLabelsFile.read(pred, "--pred");
    List<EvalRow> rows = TaggingReport.evaluate(goldFile, predFile, cutoffs);
    long covered = goldFile.of(TagKind.ITEM).keySet().stream().filter(predFile.of(TagKind.ITEM)::containsKey).count();
    return new EvalReport(goldFile, predFile, covered, rows);
  }

  public int goldVideos() {
    return gold.videos();
  }

  public String table() {
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

  public String json() {
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
