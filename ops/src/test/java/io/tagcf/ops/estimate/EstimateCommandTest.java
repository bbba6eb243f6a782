package io.tagcf.ops.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.ops.TagcfCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EstimateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COVARIATES = "age,educ,race,married,nodegree,re74,re75";

  @TempDir Path dir;

  private static Path lalonde() throws URISyntaxException {
    return Path.of(EstimateCommandTest.class.getResource("/lalonde.csv").toURI());
  }

  @Test
  void lalondeJsonHasTheDocumentedShape() throws Exception {
    CommandRun run = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--estimand", "att", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("estimand").asText()).isEqualTo("att");
    assertThat(root.get("n").asInt()).isEqualTo(614);
    assertThat(root.get("n_treated").asInt()).isEqualTo(185);
    assertThat(root.get("n_control").asInt()).isEqualTo(429);
    assertThat(root.get("dropped_rows").asInt()).isZero();
    List<String> methods = new ArrayList<>();
    for (JsonNode r : root.get("results")) {
      methods.add(r.get("method").asText());
      for (String field : List.of("estimate", "se", "ci_low", "ci_high", "ess")) {
        assertThat(r.get(field).isNumber()).as(field).isTrue();
      }
      assertThat(r.get("warnings").isArray()).isTrue();
    }
    assertThat(methods).containsExactly("dim", "ra", "ipw", "ipw_ht", "aipw", "psm", "nnm");
    assertThat(root.get("results").get(0).get("estimate").asDouble()).isCloseTo(-635.026, within(1e-3));
    // race is text: one-hot with the first level (black) dropped.
    List<String> balanced = new ArrayList<>();
    root.get("balance").forEach(b -> balanced.add(b.get("covariate").asText()));
    assertThat(balanced).containsExactly("age", "educ", "race=hispan", "race=white", "married", "nodegree", "re74",
        "re75");
    assertThat(root.get("refutations").isArray()).isTrue();
    assertThat(root.get("warnings").toString()).contains("iv skipped");
  }

  @Test
  void refutersReportEstimateAndVerdict() throws Exception {
    CommandRun run = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "aipw", "--refute", "--placebo-outcome", "re74", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode refutations = JSON.readTree(run.out()).get("refutations");
    List<String> refuters = new ArrayList<>();
    for (JsonNode r : refutations) {
      refuters.add(r.get("refuter").asText());
      assertThat(r.get("refuted").isNumber()).isTrue();
      assertThat(r.get("passed").isBoolean()).isTrue();
    }
    assertThat(refuters).containsExactly("placebo_treatment", "random_common_cause", "data_subset", "placebo_outcome");
  }

  @Test
  void sensitivityToAnUnobservedConfounderIsInJsonAndTable() throws Exception {
    CommandRun json = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim,ra", "--format", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode sensitivity = JSON.readTree(json.out()).get("sensitivity");
    assertThat(sensitivity).hasSize(2);
    JsonNode ra = sensitivity.get(1);
    assertThat(ra.get("method").asText()).isEqualTo("ra");
    // Earnings are not a probability: no E-value; regression adjustment has a robustness value.
    assertThat(ra.get("e_value").isNull()).isTrue();
    assertThat(ra.get("robustness_value").asDouble()).isBetween(0.0, 1.0);
    assertThat(sensitivity.get(0).get("robustness_value").isNull()).isTrue();

    CommandRun table = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim,ra");
    assertThat(table.out()).contains("sensitivity to an unobserved confounder").containsPattern("\\n  ra +- +- +0\\.\\d{3}");
  }

  @Test
  void crumpOverlapRunsOnTheKeptRowsAndSaysSo() throws Exception {
    CommandRun json = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim,ipw", "--overlap", "crump", "--format", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode root = JSON.readTree(json.out());
    JsonNode trimming = root.get("overlap_trimming");
    assertThat(trimming.get("rule").asText()).isEqualTo("crump");
    assertThat(trimming.get("alpha").asDouble()).isBetween(0.0, 0.5);
    int dropped = trimming.get("dropped_treated").asInt() + trimming.get("dropped_control").asInt();
    assertThat(dropped).isPositive();
    assertThat(root.get("n").asInt()).isEqualTo(614 - dropped);
    CommandRun all = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim", "--format", "json");
    assertThat(JSON.readTree(all.out()).get("overlap_trimming").isNull()).isTrue();
    CommandRun table = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim", "--overlap", "crump");
    assertThat(table.out()).contains("Crump et al. overlap rule: kept rows with propensity in [");
  }

  @Test
  void crumpOverlapIsForTheAteAndOtherRulesAreUnknown() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--estimand", "att", "--overlap", "crump"), "Crump trimming is derived for the ATE");
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--overlap", "tenninety"), "unknown --overlap 'tenninety' (use all or crump)");
  }

  @Test
  void tableAndCsvFormats() throws Exception {
    CommandRun table = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim,ipw");
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("ATE of treat on re78: 614 rows").contains("balance").contains("ipw_ht");
    CommandRun csv = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim", "--format", "csv");
    assertThat(csv.out().lines().toList()).hasSize(2);
    assertThat(csv.out()).startsWith("method,estimand,estimate,se,ci_low,ci_high,n_treated,n_control,ess,warnings");
  }

  @Test
  void aipwsNuisanceLearnersAreChosenByCrossValidationAndReported() throws Exception {
    CommandRun auto = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "aipw", "--estimand", "att", "--format", "json");
    assertThat(auto.exitCode()).as(auto.err()).isZero();
    JsonNode models = JSON.readTree(auto.out()).get("results").get(0).get("nuisance_models");
    List<String> nuisances = new ArrayList<>();
    for (JsonNode m : models) {
      nuisances.add(m.get("nuisance").asText());
      JsonNode scores = m.get("scores");
      assertThat(scores.get("glm").isNumber()).isTrue();
      assertThat(scores.get("boost").isNumber()).isTrue();
      String better = scores.get("boost").asDouble() < scores.get("glm").asDouble() ? "boost" : "glm";
      assertThat(m.get("chosen").asText()).isEqualTo(better);
    }
    assertThat(nuisances).containsExactly("propensity", "outcome_control");
    assertThat(models.get(0).get("criterion").asText())
        .isEqualTo("mean |SMD| of covariates and outcome predictions after att weighting");
    assertThat(models.get(1).get("criterion").asText()).isEqualTo("squared error");

    CommandRun glm = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "aipw", "--nuisance", "glm", "--format", "json");
    for (JsonNode m : JSON.readTree(glm.out()).get("results").get(0).get("nuisance_models")) {
      assertThat(m.get("chosen").asText()).isEqualTo("glm");
      assertThat(m.get("scores").has("boost")).isFalse();
    }
    CommandRun table = CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "aipw", "--nuisance", "boost");
    assertThat(table.out()).contains("aipw nuisance models (each learner's score on its out-of-fold predictions):")
        .containsPattern("outcome_treated +boost +\\(squared error: boost [0-9.e+]+\\)");
  }

  @Test
  void boostingAskedForNeedsRowsAndVaryingCovariates() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--nuisance", "forest"), "unknown nuisance model 'forest' (use glm, boost or auto)");
    StringBuilder small = new StringBuilder("t,y,x,c\n");
    for (int i = 0; i < 100; i++) {
      small.append(i % 3 == 0 ? 1 : 0).append(',').append(i % 7).append(',').append(i % 11).append(",5\n");
    }
    Path file = write("small.csv", small.toString());
    assertBadInput(CommandRun.estimate("--csv", file.toString(), "--treatment", "t", "--outcome", "y", "--covariates",
        "x", "--methods", "aipw", "--nuisance", "boost"), "boosting the outcome_treated model needs at least 50"
        + " training rows in each of the 5 cross-fitting folds, and one fold has 27 (use --nuisance glm or auto)");
    assertBadInput(CommandRun.estimate("--csv", file.toString(), "--treatment", "t", "--outcome", "y", "--covariates",
        "x,c", "--methods", "aipw", "--nuisance", "boost"), "covariate 'c' is constant: there is nothing to learn from"
        + " it; drop it or use --nuisance glm or auto");
    // Without boosting asked for, the same designs run: the GLM alone, with a note or a warning.
    CommandRun auto = CommandRun.estimate("--csv", file.toString(), "--treatment", "t", "--outcome", "y",
        "--covariates", "x,c", "--methods", "aipw", "--format", "json");
    assertThat(auto.exitCode()).as(auto.err()).isZero();
    assertThat(auto.out()).contains("outcome_treated model: GLM only").contains("'c' is constant; dropped");
  }

  @Test
  void nonFiniteNumbersAreRefused() throws Exception {
    for (String value : List.of("1e999", "inf", "-Infinity")) {
      Path file = write("infinite.csv", "t,y,x\n1,2.0,0.5\n0,3.0," + value + "\n1,1.0,0.9\n0,1.5,0.2\n");
      assertBadInput(CommandRun.estimate("--csv", file.toString(), "--treatment", "t", "--outcome", "y",
          "--covariates", "x"), "column 'x' has a value that is not a finite number (line 3: '" + value + "')");
    }
  }

  @Test
  void rowsWithMissingValuesAreDroppedAndCounted() throws Exception {
    Path file = dir.resolve("missing.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(lalonde()));
    lines.set(1, lines.get(1).replaceFirst(",37,", ",NA,"));
    lines.set(2, lines.get(2).replaceFirst(",22,", ",,"));
    Files.write(file, lines);
    CommandRun run = CommandRun.estimate("--csv", file.toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", COVARIATES, "--methods", "dim", "--format", "json");
    JsonNode root = JSON.readTree(run.out());
    assertThat(root.get("n").asInt()).isEqualTo(612);
    assertThat(root.get("dropped_rows").asInt()).isEqualTo(2);
  }

  @Test
  void registeredUnderTheTagcfCommand() {
    CommandLine cl = TagcfCommand.commandLine();
    assertThat(cl.getSubcommands()).containsKeys("estimate", "simulate");
    // Benchmarks live in their own build (tagcf-bench.jar), not in the production command.
    assertThat(cl.getSubcommands()).doesNotContainKey("bench");
  }

  /** A bare % in a description is a format error picocli reports on System.err. */
  @Test
  void helpPrintsPercentSignsWithoutAFormatWarning() {
    PrintStream original = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    CommandRun help;
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      help = CommandRun.estimate("--help");
    } finally {
      System.setErr(original);
    }
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("80% subset").doesNotContain("%%");
    assertThat(stderr.toString(StandardCharsets.UTF_8) + help.err()).isEmpty();
  }

  // ---- bad input: exit 2 with one line naming the problem, no stack trace ----

  private static void assertBadInput(CommandRun run, String fragment) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
    assertThat(run.err()).contains(fragment).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void unknownColumn() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treat", "--outcome", "re78",
        "--covariates", "age,income"), "unknown column 'income'");
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "treated", "--outcome", "re78",
        "--covariates", "age"), "unknown column 'treated'");
  }

  @Test
  void nonNumericTreatment() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "race", "--outcome", "re78",
        "--covariates", "age"), "treatment column 'race' is not numeric");
  }

  @Test
  void treatmentNotZeroOne() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", lalonde().toString(), "--treatment", "educ", "--outcome", "re78",
        "--covariates", "age"), "treatment column 'educ' must be 0/1");
  }

  @Test
  void constantTreatment() throws Exception {
    Path file = write("constant.csv", "t,y,x\n1,2.0,0.5\n1,3.0,0.1\n1,1.0,0.9\n");
    assertBadInput(CommandRun.estimate("--csv", file.toString(), "--treatment", "t", "--outcome", "y",
        "--covariates", "x"), "treatment column 't' is constant");
  }

  @Test
  void emptyFile() throws Exception {
    assertBadInput(CommandRun.estimate("--csv", write("empty.csv", "").toString(), "--treatment", "t", "--outcome",
        "y", "--covariates", "x"), "empty file");
    assertBadInput(CommandRun.estimate("--csv", write("header.csv", "t,y,x\n").toString(), "--treatment", "t",
        "--outcome", "y", "--covariates", "x"), "no data rows");
  }

  @Test
  void noOverlap() throws Exception {
    StringBuilder csv = new StringBuilder("t,y,x\n");
    for (int i = 0; i < 40; i++) {
      int t = i < 20 ? 0 : 1;
      csv.append(t).append(',').append(i % 7).append(',').append(i).append('\n');
    }
    assertBadInput(CommandRun.estimate("--csv", write("separated.csv", csv.toString()).toString(), "--treatment", "t",
        "--outcome", "y", "--covariates", "x"), "no overlap");
  }

  @Test
  void otherBadInputs() throws Exception {
    String csv = lalonde().toString();
    assertBadInput(CommandRun.estimate("--csv", dir.resolve("absent.csv").toString(), "--treatment", "t",
        "--outcome", "y", "--covariates", "x"), "no such file");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--methods", "dim,magic"), "unknown method 'magic'");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--estimand", "atc"), "unknown estimand 'atc'");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--format", "xml"), "unknown format 'xml'");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--methods", "iv"), "--methods iv needs --instrument");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "race", "--covariates",
        "age"), "outcome column 'race' is not numeric");
  }

  @Test
  void matchingOptions() throws Exception {
    String csv = lalonde().toString();
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--neighbours", "0"), "--neighbours must be at least 1");
    assertBadInput(CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        "age", "--caliper", "-1"), "--caliper must be a finite number >= 0");
    CommandRun one = CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        COVARIATES, "--estimand", "att", "--methods", "psm", "--caliper", "0", "--format", "json");
    CommandRun three = CommandRun.estimate("--csv", csv, "--treatment", "treat", "--outcome", "re78", "--covariates",
        COVARIATES, "--estimand", "att", "--methods", "psm", "--caliper", "0", "--neighbours", "3", "--format", "json");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(three.exitCode()).as(three.err()).isZero();
    JsonNode psm1 = JSON.readTree(one.out()).get("results").get(0);
    JsonNode psm3 = JSON.readTree(three.out()).get("results").get(0);
    // Unweighted rows: the default is 1:1; --neighbours 3 takes three controls per treated row.
    // (PublishedNumbersTest checks both against R; the CLI's default penalty moves the propensity
    // slightly, and matching with it.)
    assertThat(psm1.get("details").get("k").asDouble()).isEqualTo(1.0);
    assertThat(psm3.get("details").get("k").asDouble()).isEqualTo(3.0);
    assertThat(psm3.get("details").get("distinct_controls_used").asDouble())
        .isGreaterThan(psm1.get("details").get("distinct_controls_used").asDouble());
    assertThat(psm3.get("estimate").asDouble()).isNotEqualTo(psm1.get("estimate").asDouble());
  }

  @Test
  void instrumentalVariablesFromTheCommandLine() throws Exception {
    StringBuilder csv = new StringBuilder("z,t,y,x\n");
    java.util.SplittableRandom r = new java.util.SplittableRandom(3);
    for (int i = 0; i < 4000; i++) {
      int z = r.nextInt(2);
      double u = r.nextGaussian();
      int t = r.nextDouble() < 0.2 + 0.5 * z + 0.1 * Math.signum(u) ? 1 : 0;
      double y = 2.0 * t + u + r.nextGaussian();
      csv.append(z).append(',').append(t).append(',').append(y).append(',').append(r.nextGaussian()).append('\n');
    }
    CommandRun run = CommandRun.estimate("--csv", write("iv.csv", csv.toString()).toString(), "--treatment", "t",
        "--outcome", "y", "--covariates", "x", "--instrument", "z", "--methods", "iv,dim", "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode iv = JSON.readTree(run.out()).get("results").get(1);
    assertThat(iv.get("method").asText()).isEqualTo("iv");
    assertThat(iv.get("ci_low").asDouble()).isLessThan(2.0);
    assertThat(iv.get("ci_high").asDouble()).isGreaterThan(2.0);
    assertThat(iv.get("details").get("first_stage_f").asDouble()).isGreaterThan(10);
  }
}
