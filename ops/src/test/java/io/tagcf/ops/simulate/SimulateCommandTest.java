package io.tagcf.ops.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tagcf.ops.estimate.CommandRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static CommandRun simulate(String... args) {
    return CommandRun.of(SimulateCommand::new, args);
  }

  private String[] world(Path out, String... extra) {
    String[] base = {"--out", out.toString(), "--videos", "2000", "--users", "5000", "--exposures", "400000",
        "--tags", "12", "--segments", "3", "--seed", "11"};
    String[] all = new String[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  /**
   * simulate -> estimate on one tag x segment: the video-level design goes straight into
   * {@code tagcf estimate}, and AIPW recovers the truth from truth.csv (the cell was fixed before
   * the first run: tag 2, segment 1, clicks).
   */
  @Test
  void roundTripFromSimulateToEstimate() throws Exception {
    Path out = dir.resolve("world");
    CommandRun sim = simulate(world(out, "--design", "2:1"));
    assertThat(sim.exitCode()).as(sim.err()).isZero();
    assertThat(sim.out()).contains("simulated 400,000 exposures");
    Path design = out.resolve("design_tag2_seg1.csv");
    assertThat(design).exists();
    CommandRun est = CommandRun.estimate("--csv", design.toString(), "--treatment", "treated", "--outcome",
        "click_rate", "--weight", "exposures", "--covariates", "category,log_followers,log_duration,tag_*",
        "--methods", "dim,aipw,psm", "--format", "json");
    assertThat(est.exitCode()).as(est.err()).isZero();
    JsonNode results = JSON.readTree(est.out()).get("results");
    double naive = results.get(0).get("estimate").asDouble();
    JsonNode aipw = results.get(1);
    double truth = truth(out, "tag_2", 1, "click");
    double estimate = aipw.get("estimate").asDouble();
    double se = aipw.get("se").asDouble();
    System.out.printf("round trip tag_2 segment 1 click: truth %.4f, aipw %.4f (se %.4f, CI [%.4f, %.4f]), naive %.4f%n",
        truth, estimate, se, aipw.get("ci_low").asDouble(), aipw.get("ci_high").asDouble(), naive);
    assertThat(Math.abs(estimate - truth)).isLessThan(3 * se);
    assertThat(Math.abs(estimate - truth)).isLessThan(Math.abs(naive - truth));
    // Exposure-weighted rows: matching averages the weighted default of neighbours.
    JsonNode psm = results.get(2);
    assertThat(psm.get("method").asText()).isEqualTo("psm");
    assertThat(psm.get("details").get("k").asInt()).isEqualTo(20);
  }

  private static double truth(Path out, String tag, int segment, String outcome) throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("truth.csv"));
    assertThat(lines.get(0)).isEqualTo(
        "tag,segment,segment_label,outcome,ate,att,exposures,treated_exposures,zero_effect");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (f[0].equals(tag) && Integer.parseInt(f[1]) == segment && f[3].equals(outcome)) {
        return Double.parseDouble(f[4]);
      }
    }
    throw new AssertionError("no truth row");
  }

  @Test
  void writesAllFilesAndIsDeterministicBySeed() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(simulate(world(a, "--threads", "1")).exitCode()).isZero();
    assertThat(simulate(world(b, "--threads", "2")).exitCode()).isZero();
    for (String file : List.of("exposures.csv", "users.csv", "videos.csv", "truth.csv")) {
      assertThat(digest(a.resolve(file))).as(file).isEqualTo(digest(b.resolve(file)));
    }
    assertThat(Files.readAllLines(a.resolve("exposures.csv"))).hasSize(400_001);
    assertThat(Files.readAllLines(a.resolve("exposures.csv")).get(0))
        .isEqualTo("exposure_id,user_id,video_id,segment,explore,clicked,completed,liked");
    assertThat(Files.readAllLines(a.resolve("truth.csv"))).hasSize(1 + 12 * 3 * 3);
    assertThat(Files.readAllLines(a.resolve("videos.csv"))).hasSize(2001);
    assertThat(Files.readAllLines(a.resolve("users.csv"))).hasSize(5001);
    Path c = dir.resolve("c");
    assertThat(simulate("--out", c.toString(), "--videos", "2000", "--users", "5000", "--exposures", "400000",
        "--tags", "12", "--segments", "3", "--seed", "12").exitCode()).isZero();
    assertThat(digest(c.resolve("exposures.csv"))).isNotEqualTo(digest(a.resolve("exposures.csv")));
  }

  private static String digest(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
  }

  @Test
  void badInputGetsOneLine() {
    for (String[] args : List.of(
        new String[] {"--out", dir.resolve("x").toString(), "--tags", "3"},
        new String[] {"--out", dir.resolve("x").toString(), "--videos", "0"},
        new String[] {"--out", dir.resolve("x").toString(), "--exposures", "10", "--design", "99:0"},
        new String[] {"--out", dir.resolve("x").toString(), "--exposures", "10", "--design", "banana"})) {
      CommandRun run = simulate(args);
      assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(run.err().strip().lines().count()).isEqualTo(1);
      assertThat(run.err()).startsWith("tagcf simulate: error: ").doesNotContain("Exception");
    }
  }
}
