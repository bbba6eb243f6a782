package io.tagcf.ops.estimate;

import io.tagcf.analysis.BadInputException;
import io.tagcf.analysis.DesignSpec;
import io.tagcf.analysis.ReportWriter;
import io.tagcf.models.causal.AnalysisOptions;
import io.tagcf.models.causal.AnalysisReport;
import io.tagcf.models.causal.CausalAnalysis;
import io.tagcf.models.causal.Estimand;
import io.tagcf.models.causal.Method;
import io.tagcf.models.causal.MethodOptions;
import io.tagcf.models.causal.NuisanceOptions;
import io.tagcf.models.causal.matching.MatchingEstimate;
import io.tagcf.models.causal.matching.NnmOptions;
import io.tagcf.models.causal.matching.PsmOptions;
import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.causal.weighting.AipwOptions;
import io.tagcf.models.causal.weighting.WeightingOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tagcf estimate}: the causal effect of a binary treatment column on an outcome column of a
 * CSV file, by every requested method, with diagnostics and (optionally) refutations.
 */
@Command(
    name = "estimate",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate the causal effect of a 0/1 treatment on an outcome from a CSV file.",
      "Text columns are categorical (one-hot, first level dropped); rows with missing values are dropped.",
      "Exit status: 0 ok, 2 bad input (one line on stderr), 1 internal error."
    })
public final class EstimateCommand extends AnalysisCommand {
  @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Input CSV with a header row.")
  Path csv;

  @Option(names = "--treatment", required = true, paramLabel = "COL", description = "0/1 treatment column.")
  String treatment;

  @Option(names = "--outcome", required = true, paramLabel = "COL", description = "Numeric outcome column.")
  String outcome;

  @Option(names = "--covariates", required = true, split = ",", paramLabel = "COL",
      description = "Confounders to adjust for; 'prefix*' patterns expand against the header.")
  List<String> covariates;

  @Option(names = "--instrument", split = ",", paramLabel = "COL", description = "Instrument column(s) for iv.")
  List<String> instruments = new ArrayList<>();

  @Option(names = "--weight", paramLabel = "COL", description = "Row weights (e.g. exposure counts).")
  String weight;

  @Option(names = "--estimand", paramLabel = "ate|att", defaultValue = "ate", description = "Default: ${DEFAULT-VALUE}.")
  String estimand;

  @Option(names = "--methods", paramLabel = "LIST", defaultValue = "all",
      description = "Comma list of dim,ra,ipw,aipw,psm,nnm,iv or all. Default: ${DEFAULT-VALUE}.")
  String methods;

  @Option(names = "--refute", description = "Run the refuters (placebo treatment, random common cause, 80%% subset,"
      + " placebo outcome).")
  boolean refute;

  @Option(names = "--placebo-outcome", paramLabel = "COL",
      description = "An outcome the treatment cannot affect, for the placebo-outcome refuter.")
  String placeboOutcome;

  @Option(names = "--neighbours", paramLabel = "K",
      description = "k of 1:k matching (psm, nnm). Default: 1, or 20 for psm when --weight gives rows unequal "
          + "weights (see docs/ESTIMATION.md).")
  Integer neighbours;

  @Option(names = "--caliper", paramLabel = "SD", defaultValue = "0.2",
      description = "psm caliper in standard deviations of the logit propensity; 0 = none. Default: ${DEFAULT-VALUE}.")
  double caliper;

  @Option(names = "--overlap", paramLabel = "all|crump", defaultValue = "all",
      description = "all: every row; crump: only the rows of common support by Crump et al.'s (2009) rule,"
          + " for the ATE (the effect is then the ATE of the kept rows). Default: ${DEFAULT-VALUE}.")
  String overlap;

  @Option(names = "--nuisance", paramLabel = "glm|boost|auto", defaultValue = "auto",
      description = "Learners of aipw's cross-fitted propensity and outcome models: glm (penalised logistic/linear),"
          + " boost (gradient-boosted trees), auto (per model, whichever has the lower cross-validated loss; the"
          + " glm unless boosting is better by more than one standard error). Default: ${DEFAULT-VALUE}.")
  String nuisance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for folds, refuters, "
      + "subsamples. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
      description = "Output format. Default: ${DEFAULT-VALUE}.")
  String format;

  public EstimateCommand() {
    this(System.out, System.err);
  }

  EstimateCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  protected String commandName() {
    return "tagcf estimate";
  }

  @Override
  protected void run() {
    String fmt = format.toLowerCase(Locale.ROOT);
    if (!List.of("table", "json", "csv").contains(fmt)) {
      throw new BadInputException("unknown format '" + format + "' (use table, json or csv)");
    }
    boolean crump = switch (overlap.strip().toLowerCase(Locale.ROOT)) {
      case "all" -> false;
      case "crump" -> true;
      default -> throw new BadInputException("unknown --overlap '" + overlap + "' (use all or crump)");
    };
    if (neighbours != null && neighbours < 1) {
      throw new BadInputException("--neighbours must be at least 1 (got " + neighbours + ")");
    }
    if (!(caliper >= 0) || Double.isInfinite(caliper)) {
      throw new BadInputException("--caliper must be a finite number >= 0 (got " + caliper + ")");
    }
    Estimand target = Estimand.parse(estimand);
    Set<Method> chosen = Method.parseList(methods);
    boolean explicitIv = !methods.toLowerCase(Locale.ROOT).contains("all") && chosen.contains(Method.IV);
    if (explicitIv && instruments.isEmpty()) {
      throw new BadInputException("--methods iv needs --instrument");
    }
    DesignSpec.Loaded design =
        new DesignSpec(csv, treatment, outcome, covariates, instruments, weight, placeboOutcome).load();
    NuisanceModel learners = NuisanceModel.parse(nuisance);
    AnalysisOptions options = new AnalysisOptions(target, chosen, seed, refute, NuisanceOptions.withModel(learners));
    CausalAnalysis engine = new CausalAnalysis(methodOptions());
    AnalysisReport report = crump
        ? engine.runOnCrumpOverlap(design.data(), options) : engine.run(design.data(), options);
    switch (fmt) {
      case "json" -> stdout.println(ReportWriter.json(report, design.droppedRows()));
      case "csv" -> ReportWriter.csv(report, stdout);
      default -> ReportWriter.table(report, design.droppedRows(), treatment, outcome, stdout);
    }
    stdout.flush();
  }

  /** --caliper, and --neighbours as k of both matching methods; everything else at its default. */
  private MethodOptions methodOptions() {
    int j = MatchingEstimate.DEFAULT_VARIANCE_NEIGHBOURS;
    // Without --neighbours psm chooses k from the row weights and nnm matches 1:1.
    PsmOptions psm = new PsmOptions(caliper, neighbours == null ? PsmOptions.METHOD_DEFAULT : neighbours, j);
    NnmOptions nnm =
        neighbours == null ? NnmOptions.defaults() : new NnmOptions(neighbours, NnmOptions.DEFAULT_WORK_BUDGET, j);
    return new MethodOptions(WeightingOptions.defaults(), AipwOptions.defaults(), psm, nnm);
  }
}
