package io.tagcf.analysis.simulation;

import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.Segment;
import io.tagcf.models.simulation.TagSegmentDesign;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.simulation.World;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes the world's tables (users, videos, truth, designs) as CSV with Commons CSV. */
final class SimulationFiles {
  private SimulationFiles() {}

  static void users(World world, Path file) throws IOException {
    int categories = world.config().categories();
    List<String> header = new ArrayList<>(List.of("user_id", "segment", "age_band", "city_tier", "activity"));
    for (int k = 0; k < categories; k++) {
      header.add("taste_" + k);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, format(header))) {
      List<Object> row = new ArrayList<>();
      for (int u = 0; u < world.config().users(); u++) {
        row.clear();
        Segment s = world.segments().get(world.userSegment(u));
        row.add(u);
        row.add(s.id());
        row.add(s.ageBand());
        row.add(s.cityTier());
        row.add(round(world.userActivity(u)));
        for (double t : world.userTaste(u)) {
          row.add(round(t));
        }
        p.printRecord(row);
      }
    }
  }

  static void videos(World world, Path file) throws IOException {
    List<String> header = List.of("video_id", "creator_id", "creator_followers", "duration_s", "category", "n_tags",
        "tags");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, format(header))) {
      for (int v = 0; v < world.config().videos(); v++) {
        int[] tags = world.videoTags(v);
        StringBuilder names = new StringBuilder();
        for (int c : tags) {
          if (names.length() > 0) {
            names.append('|');
          }
          names.append(World.tagName(c));
        }
        p.printRecord(v, world.videoCreator(v), (long) world.videoFollowers(v), (long) world.videoDurationSeconds(v),
            World.categoryName(world.videoCategory(v)), tags.length, names);
      }
    }
  }

  static void truth(World world, TruthTable truth, Path file) throws IOException {
    List<String> header = List.of("tag", "segment", "segment_label", "outcome", "ate", "att", "exposures",
        "treated_exposures", "zero_effect");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, format(header))) {
      for (TruthTable.Row r : truth.rows()) {
        p.printRecord(World.tagName(r.tag()), r.segment().id(), r.segment().label(), r.outcome().label(), r.ate(),
            Double.isNaN(r.att()) ? "" : r.att(), r.exposures(), r.treatedExposures(), r.zeroEffect() ? 1 : 0);
      }
    }
  }

  static void design(TagSegmentDesign design, Path file) throws IOException {
    List<String> header = new ArrayList<>(List.of("video_id", "treated", "exposures"));
    for (Outcome o : Outcome.values()) {
      header.add(o.rateColumn());
    }
    header.addAll(List.of("category", "log_followers", "log_duration"));
    int[] others = design.otherTags();
    for (int c : others) {
      header.add(World.tagName(c));
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, format(header))) {
      List<Object> row = new ArrayList<>();
      for (int i = 0; i < design.size(); i++) {
        row.clear();
        int video = design.video(i);
        row.add(video);
        row.add(design.treated(i) ? 1 : 0);
        row.add((long) design.exposures(i));
        for (Outcome o : Outcome.values()) {
          row.add(design.rate(o, i));
        }
        row.add(design.category(i));
        row.add(round(design.logFollowers(i)));
        row.add(round(design.logDuration(i)));
        for (int c : others) {
          row.add(design.carries(i, c) ? 1 : 0);
        }
        p.printRecord(row);
      }
    }
  }

  private static CSVFormat format(List<String> header) {
    return CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0])).setRecordSeparator('\n').get();
  }

  /** Six decimals are plenty for features and keep the files small (and String.format is slow). */
  private static double round(double v) {
    return Math.rint(v * 1e6) / 1e6;
  }
}
