package io.tagcf.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tagcf.models.causal.AnalysisReport;
import io.tagcf.models.causal.EffectEstimate;
import io.tagcf.models.causal.diagnostics.CovariateBalance;
import io.tagcf.models.causal.diagnostics.CrumpTrimming;
import io.tagcf.models.causal.diagnostics.OverlapSummary;
import io.tagcf.models.causal.diagnostics.Quantiles;
import io.tagcf.models.causal.nuisance.NuisanceChoice;
import io.tagcf.models.causal.refute.Refutation;
import io.tagcf.models.causal.sensitivity.Sensitivity;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Prints an {@link AnalysisReport} as one JSON object, a readable table, or CSV rows. */
public final class ReportWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportWriter() {}

  public static String json(AnalysisReport report, int droppedRows) {
    ObjectNode root = JSON.createObjectNode();
    root.put("estimand", report.estimand().label());
    root.put("n", report.n());
    root.put("n_treated", report.nTreated());
    root.put("n_control", report.nControl());
    root.put("dropped_rows", droppedRows);
    ArrayNode results = root.putArray("results");
    for (EffectEstimate e : report.results()) {
      ObjectNode r = results.addObject();
      r.put("method", e.method().label());
      r.put("estimate", e.estimate());
      r.put("se", e.se());
      r.put("ci_low", e.ciLow());
      r.put("ci_high", e.ciHigh());
      r.put("ess", e.ess());
      r.put("n_treated", e.nTreated());
      r.put("n_control", e.nControl());
      ArrayNode w = r.putArray("warnings");
      e.warnings().forEach(w::add);
      ObjectNode d = r.putObject("details");
      e.details().forEach(d::put);
      ArrayNode models = r.putArray("nuisance_models");
      for (NuisanceChoice c : e.nuisanceModels()) {
        ObjectNode o = models.addObject();
        o.put("nuisance", c.nuisance());
        o.put("chosen", c.chosen());
        o.put("criterion", c.criterion());
        ObjectNode scores = o.putObject("scores");
        for (int k = 0; k < c.learners().size(); k++) {
          scores.put(c.learners().get(k), c.scores().get(k));
        }
      }
    }
    ArrayNode balance = root.putArray("balance");
    for (CovariateBalance b : report.balance()) {
      ObjectNode o = balance.addObject();
      o.put("covariate", b.covariate());
      o.put("smd_before", b.smdBefore());
      nullable(o, "smd_ipw", b.smdWeighted());
      nullable(o, "smd_psm", b.smdMatched());
    }
    ArrayNode refutations = root.putArray("refutations");
    for (Refutation r : report.refutations()) {
      ObjectNode o = refutations.addObject();
      o.put("refuter", r.refuter());
      o.put("method", r.method().label());
      o.put("original", r.original());
      o.put("refuted", r.refuted());
      o.put("refuted_se", r.refutedSe());
      o.put("passed", r.passed());
      o.put("detail", r.detail());
    }
    CrumpTrimming trimming = report.overlapTrimming();
    if (trimming == null) {
      root.putNull("overlap_trimming");
    } else {
      ObjectNode o = root.putObject("overlap_trimming");
      o.put("rule", "crump");
      o.put("alpha", trimming.alpha());
      o.put("dropped_treated", trimming.droppedTreated());
      o.put("dropped_control", trimming.droppedControl());
    }
    ArrayNode sensitivity = root.putArray("sensitivity");
    for (Sensitivity v : report.sensitivity()) {
      ObjectNode o = sensitivity.addObject();
      o.put("method", v.method().label());
      nullable(o, "e_value", v.eValue());
      nullable(o, "e_value_ci", v.eValueCi());
      nullable(o, "risk_ratio", v.riskRatio());
      nullable(o, "robustness_value", v.robustnessValue());
      nullable(o, "robustness_value_alpha", v.robustnessValueAlpha());
    }
    OverlapSummary overlap = report.overlap();
    if (overlap == null) {
      root.putNull("overlap");
    } else {
      ObjectNode o = root.putObject("overlap");
      quantiles(o.putObject("propensity_treated"), overlap.treated());
      quantiles(o.putObject("propensity_control"), overlap.control());
      o.put("share_below_001_or_above_099", overlap.extremeShare());
      o.put("share_outside_01_09", overlap.outsideTenNinetyShare());
      ObjectNode support = o.putObject("outside_common_support");
      support.put("treated", overlap.outsideSupportTreated());
      support.put("control", overlap.outsideSupportControl());
      ArrayNode w = o.putArray("warnings");
      overlap.warnings().forEach(w::add);
    }
    ArrayNode warnings = root.putArray("warnings");
    report.warnings().forEach(warnings::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void nullable(ObjectNode o, String name, Double value) {
    if (value == null) {
      o.putNull(name);
    } else {
      o.put(name, value);
    }
  }

  private static void quantiles(ObjectNode o, Quantiles q) {
    o.put("min", q.min());
    o.put("p05", q.p05());
    o.put("p25", q.p25());
    o.put("median", q.median());
    o.put("p75", q.p75());
    o.put("p95", q.p95());
    o.put("max", q.max());
  }

  public static void csv(AnalysisReport report, PrintStream out) {
    out.println("method,estimand,estimate,se,ci_low,ci_high,n_treated,n_control,ess,warnings");
    for (EffectEstimate e : report.results()) {
      out.println(String.join(",", e.method().label(), e.estimand().label(), num(e.estimate()), num(e.se()),
          num(e.ciLow()), num(e.ciHigh()), Integer.toString(e.nTreated()), Integer.toString(e.nControl()),
          num(e.ess()), quote(String.join("; ", e.warnings()))));
    }
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  public static void table(AnalysisReport report, int droppedRows, String treatment, String outcome, PrintStream out) {
    out.printf(Locale.ROOT, "%s of %s on %s: %d rows (%d treated, %d control), %d dropped for missing values%n%n",
        report.estimand().label().toUpperCase(Locale.ROOT), treatment, outcome, report.n(), report.nTreated(),
        report.nControl(), droppedRows);
    CrumpTrimming trimming = report.overlapTrimming();
    if (trimming != null) {
      out.printf(Locale.ROOT, "Crump et al. overlap rule: kept rows with propensity in [%.4f, %.4f], dropped %d treated"
              + " and %d control rows; the effect is the ATE of the kept rows%n%n", trimming.alpha(),
          1 - trimming.alpha(), trimming.droppedTreated(), trimming.droppedControl());
    }
    out.printf(Locale.ROOT, "%-8s %12s %11s  %-27s %8s %8s %10s%n", "method", "estimate", "se", "95% CI",
        "n_treat", "n_ctrl", "ess");
    for (EffectEstimate e : report.results()) {
      out.printf(Locale.ROOT, "%-8s %12.5g %11.4g  [%11.5g, %11.5g] %8d %8d %10.1f%n", e.method().label(), e.estimate(),
          e.se(), e.ciLow(), e.ciHigh(), e.nTreated(), e.nControl(), e.ess());
    }
    for (EffectEstimate e : report.results()) {
      if (!e.nuisanceModels().isEmpty()) {
        out.println();
        out.println(e.method().label() + " nuisance models (each learner's score on its out-of-fold predictions):");
        for (NuisanceChoice c : e.nuisanceModels()) {
          List<String> scores = new ArrayList<>();
          for (int k = 0; k < c.learners().size(); k++) {
            scores.add(String.format(Locale.ROOT, "%s %.5g", c.learners().get(k), c.scores().get(k)));
          }
          out.printf(Locale.ROOT, "  %-16s %-6s (%s: %s)%n", c.nuisance(), c.chosen(), c.criterion(),
              String.join(", ", scores));
        }
      }
    }
    boolean anyWarning = false;
    for (EffectEstimate e : report.results()) {
      for (String w : e.warnings()) {
        if (!anyWarning) {
          out.println();
          out.println("warnings:");
          anyWarning = true;
        }
        out.println("  " + e.method().label() + ": " + w);
      }
    }
    for (String w : report.warnings()) {
      if (!anyWarning) {
        out.println();
        out.println("warnings:");
        anyWarning = true;
      }
      out.println("  " + w);
    }
    OverlapSummary overlap = report.overlap();
    if (overlap != null) {
      out.println();
      out.println("propensity overlap (min / 5% / median / 95% / max):");
      printQuantiles(out, "treated", overlap.treated());
      printQuantiles(out, "control", overlap.control());
      out.printf(Locale.ROOT, "  share below 0.01 or above 0.99: %.1f%%; outside [0.1, 0.9]: %.1f%%%n",
          100 * overlap.extremeShare(), 100 * overlap.outsideTenNinetyShare());
      out.printf(Locale.ROOT,
          "  outside common support (beyond the other arm's propensity range): %d treated, %d control%n",
          overlap.outsideSupportTreated(), overlap.outsideSupportControl());
      overlap.warnings().forEach(w -> out.println("  ! " + w));
    }
    if (!report.balance().isEmpty()) {
      out.println();
      out.println("balance, standardised mean differences (* marks |SMD| > 0.1):");
      out.printf(Locale.ROOT, "  %-28s %10s %10s %10s%n", "covariate", "before", "ipw", "psm");
      for (CovariateBalance b : report.balance()) {
        out.printf(Locale.ROOT, "  %-28s %10s %10s %10s%n", shorten(b.covariate()), smd(b.smdBefore()),
            b.smdWeighted() == null ? "-" : smd(b.smdWeighted()), b.smdMatched() == null ? "-" : smd(b.smdMatched()));
      }
    }
    if (!report.refutations().isEmpty()) {
      out.println();
      out.println("refutations:");
      for (Refutation r : report.refutations()) {
        out.printf(Locale.ROOT, "  %-20s %-7s %s  %s%n", r.refuter(), r.method().label(), r.passed() ? "PASS" : "FAIL",
            r.detail());
      }
    }
    if (report.sensitivity().stream().anyMatch(v -> v.eValue() != null || v.robustnessValue() != null)) {
      out.println();
      out.println("sensitivity to an unobserved confounder (strength needed to move the estimate to zero):");
      out.printf(Locale.ROOT, "  %-8s %10s %12s %10s %12s%n", "method", "E-value", "E-value CI", "RV", "RV (5%)");
      for (Sensitivity v : report.sensitivity()) {
        if (v.eValue() == null && v.robustnessValue() == null) {
          continue;
        }
        out.printf(Locale.ROOT, "  %-8s %10s %12s %10s %12s%n", v.method().label(), cell(v.eValue()),
            cell(v.eValueCi()), cell(v.robustnessValue()), cell(v.robustnessValueAlpha()));
      }
    }
  }

  private static String cell(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static void printQuantiles(PrintStream out, String arm, Quantiles q) {
    out.printf(Locale.ROOT, "  %-8s %.4f / %.4f / %.4f / %.4f / %.4f%n", arm, q.min(), q.p05(), q.median(), q.p95(),
        q.max());
  }

  private static String smd(double v) {
    return String.format(Locale.ROOT, "%.3f%s", v, Math.abs(v) > CovariateBalance.IMBALANCE ? "*" : " ");
  }

  private static String shorten(String s) {
    return s.length() <= 28 ? s : s.substring(0, 25) + "...";
  }
}
