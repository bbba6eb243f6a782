package io.tagcf.ops.tools;

import io.tagcf.batch.InputException;
import io.tagcf.batch.eval.EvalReport;
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
      "Score predicted tags against gold labels.",
      "Precision, recall and F1 at each k, per tag kind (item, audience), with 95%% bootstrap intervals"
          + " over videos.",
      "Gold lines: {\"videoId\",\"itemTags\":[labels],\"audienceTags\":[labels]} (labels may also be "
          + "{\"label\",...} objects); predictions in the tagcf tag output format. Labels match after "
          + "Unicode (NFKC), case and whitespace folding."
    })
public final class EvalTaggingCommand implements Callable<Integer> {

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
    EvalReport report = EvalReport.evaluate(gold, pred, cutoffs);
    PrintWriter out = spec.commandLine().getOut();
    if (report.covered() == 0) {
      spec.commandLine().getErr().println("tagcf eval-tagging: warning: none of the " + report.goldVideos()
          + " gold videos has a line in " + pred + " (do the videoIds match?)");
    }
    out.print(json ? report.json() : report.table());
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

}
