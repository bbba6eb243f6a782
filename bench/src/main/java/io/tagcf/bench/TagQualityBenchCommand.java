package io.tagcf.bench;

import io.tagcf.batch.InputException;
import io.tagcf.batch.LocalModels;
import io.tagcf.batch.classify.Accuracy;
import io.tagcf.batch.eval.TagQuality;
import io.tagcf.batch.kuairec.KuaiRecFile;
import io.tagcf.models.tagging.OfflineTagger;
import io.tagcf.models.tagging.TaggingReference;
import io.tagcf.models.tagging.calibration.ReliabilityDiagram;
import io.tagcf.models.tagging.calibration.ScoreCalibration;
import io.tagcf.models.tagging.reference.KuaiRecVideo;
import io.tagcf.models.tagging.reference.PlatformCategories;
import io.tagcf.models.tagging.reference.ReferenceCaptions;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TagVocabulary;
import io.tagcf.models.tags.VocabularyEntry;
import io.tagcf.models.video.VideoSubmission;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import io.tagcf.ops.demo.CorpusVideo;
import io.tagcf.ops.demo.SampleCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench tag-quality}: the offline tagger on real Kuaishou captions, measured against
 * the platform's own first-level categories (coverage, top-1 and any-tag agreement with 95%
 * intervals, overall and per category). The tagger's labelled neighbours are the bundled reference
 * half unless told otherwise; a video of the measured file never votes for itself.
 */
@Command(name = "tag-quality", mixinStandardHelpOptions = true,
    description = {
      "Offline tag quality on a KuaiRec caption file: coverage (share of videos with >= 3 item tags),"
          + " top-1 and any-tag agreement with the platform's first-level category, with 95%% Wilson intervals.",
      "Videos with under 4 characters of text are counted apart and not measured."
    })
final class TagQualityBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--kuairec", required = true, paramLabel = "FILE",
      description = "A KuaiRec caption file (video_id, caption, manual_cover_text, first_level_category_name, ...).")
  Path file;

  @Option(names = "--sample", defaultValue = "0", paramLabel = "N",
      description = "Measure a random sample of N videos; 0 = all (default ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the sample (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--reference", paramLabel = "FILE",
      description = "Labelled captions (a KuaiRec caption file) whose nearest neighbours vote; default: the bundled even-id half.")
  Path reference;

  @Option(names = "--no-reference", description = "Zero-shot only: no labelled neighbours, the seed boilerplate list only.")
  boolean noReference;

  @Option(names = "--write-calibration", paramLabel = "FILE",
      description = "Fit the score calibration to this file's outcomes (isotonic) and write it there, as the bundled one is made.")
  Path writeCalibration;

  @Option(names = "--threads", defaultValue = "0", description = "Tagging threads; 0 = cores (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    if (sample < 0 || threads < 0) {
      throw new InputException("--sample and --threads must not be negative");
    }
    if (noReference && reference != null) {
      throw new InputException("--reference and --no-reference exclude each other");
    }
    PrintWriter out = spec.commandLine().getOut();
    List<KuaiRecVideo> rows = KuaiRecFile.read(file);
    List<KuaiRecVideo> chosen = new ArrayList<>(rows);
    if (sample > 0 && sample < chosen.size()) {
      Collections.shuffle(chosen, new Random(seed));
      chosen = chosen.subList(0, sample);
    }
    List<KuaiRecVideo> measured = chosen.stream().filter(KuaiRecVideo::hasText).toList();
    TagcfConfig config = TagcfCommand.config(spec);
    String model = config.embeddingModel();
    PlatformCategories platform = PlatformCategories.kuaishou();
    long r0 = System.nanoTime();
    TaggingReference tagging;
    if (noReference) {
      tagging = TaggingReference.NONE;
      out.println("reference: none (zero-shot)");
    } else {
      ReferenceCaptions captions = reference == null ? ReferenceCaptions.bundled()
          : new ReferenceCaptions(KuaiRecFile.read(reference), platform);
      tagging = reference == null ? LocalModels.bundledReference(model) : LocalModels.reference(model, captions);
      var noise = tagging.noise();
      out.printf(Locale.ROOT, "reference %s: %d captions, %d voters, embedded in %.1f s; %d hashtags and mentions learned as"
              + " boilerplate, e.g. %s%n", reference == null ? "bundled (KuaiRec even ids)" : reference, captions.size(),
          captions.voters().size(), (System.nanoTime() - r0) / 1e9, noise.learnedCount(),
          noise.learned().stream().sorted().limit(12).toList());
    }
    // Raw scores: tags are chosen and ranked by them, so the figures are the product's, and the
    // calibration is checked against them below.
    OfflineTagger tagger = LocalModels.offlineTagger(model, config.offlineTagger(), tagging.uncalibrated());
    ScoreCalibration shipped = tagging.calibration();
    Map<String, VocabularyEntry> itemByLabel = new HashMap<>();
    for (VocabularyEntry e : TagVocabulary.seed().entries()) {
      if (e.kind() == TagKind.ITEM) {
        itemByLabel.put(e.zh(), e);
        itemByLabel.put(e.en(), e);
      }
    }
    TagQuality quality = new TagQuality(platform);
    AtomicInteger noAudience = new AtomicInteger();
    List<Double> nearest = Collections.synchronizedList(new ArrayList<>());
    List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    long start = System.nanoTime();
    ParallelEach.run(measured, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, v -> {
      TagExtraction tags = tagger.tag(v.submission());
      List<String> cats = new ArrayList<>();
      var agreeing = platform.vocabularyCategories(v.firstLevelCategory());
      for (RawTag t : tags.itemTags()) {
        VocabularyEntry e = itemByLabel.get(t.label());
        String category = e == null ? null : e.category();
        cats.add(category);
        if (category != null && !agreeing.isEmpty()) {
          outcomes.add(new Outcome(v.videoId(), t.score(), agreeing.contains(category)));
        }
      }
      if (tags.audienceTags().isEmpty()) {
        noAudience.incrementAndGet();
      }
      quality.add(v.firstLevelCategory(), cats);
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    // apart from the timed pass: it embeds each text once more
    ParallelEach.run(measured, threads == 0 ? Runtime.getRuntime().availableProcessors() : threads,
        v -> nearestSimilarity(tagging, tagger, v.submission()).ifPresent(nearest::add));
    out.printf(Locale.ROOT, "file %s: %d rows; %s%d measured (%d with under %d characters of text left out), %d of them"
            + " in a mapped category; tagged in %.1f s (%.1f videos/s)%n",
        file, rows.size(), sample > 0 ? "sample of " + chosen.size() + " (seed " + seed + "), " : "",
        measured.size(), chosen.size() - measured.size(), KuaiRecVideo.MIN_TEXT_CODE_POINTS, quality.all().mapped(),
        seconds, measured.size() / seconds);
    TagQuality.Counts all = quality.all();
    out.printf(Locale.ROOT, "coverage (>= %d item tags)   %s%n", TagQuality.COVERED_ITEM_TAGS, figure(all.coverage()));
    out.printf(Locale.ROOT, "top-1 agreement              %s%n", figure(all.top1Agreement()));
    out.printf(Locale.ROOT, "any-tag agreement            %s%n", figure(all.anyTagAgreement()));
    out.printf(Locale.ROOT, "videos with no audience tag  %d%n", noAudience.get());
    out.printf(Locale.ROOT, "similarity to the nearest labelled neighbour: %s%n", quantiles(nearest));
    out.printf(Locale.ROOT, "%nper category (mapped ones):%n%-10s %6s %8s %8s %8s%n", "category", "videos", "coverage", "top-1", "any-tag");
    quality.byCategory().entrySet().stream()
        .filter(e -> platform.maps(e.getKey()))
        .sorted((a, b) -> Integer.compare(b.getValue().videos(), a.getValue().videos()))
        .forEach(e -> out.printf(Locale.ROOT, "%-10s %6d %8.3f %8.3f %8.3f%n", e.getKey(), e.getValue().videos(),
            e.getValue().coverage().value(), e.getValue().top1Agreement().value(), e.getValue().anyTagAgreement().value()));
    calibration(out, outcomes, shipped);
    ownTopics(out, tagger, tagging, shipped, itemByLabel);
    out.flush();
    return 0;
  }

  /**
   * The bundled corpus, whose videos were written for one vocabulary topic each: the share whose
   * own topic is among their item tags (the guard that real captions are not served at its cost).
   */
  /** One vocabulary item tag of a video in a mapped category: its raw score, and whether its category agrees. */
  record Outcome(String videoId, double score, boolean right) {}

  /**
   * Reliability of the scores on this file: raw, then calibrated by a map fitted on the other half
   * of the videos (two folds by video, so that no video is scored by a map fitted to it), then by
   * the shipped map.
   */
  private void calibration(PrintWriter out, List<Outcome> outcomes, ScoreCalibration shipped) throws IOException {
    if (outcomes.isEmpty()) {
      return;
    }
    ReliabilityDiagram raw = new ReliabilityDiagram();
    ReliabilityDiagram crossFitted = new ReliabilityDiagram();
    ReliabilityDiagram asShipped = new ReliabilityDiagram();
    List<List<Outcome>> folds = List.of(new ArrayList<>(), new ArrayList<>());
    for (Outcome o : outcomes) {
      folds.get(Math.floorMod(o.videoId().hashCode(), 2)).add(o);
      raw.add(o.score(), o.right());
      asShipped.add(shipped.apply(o.score()), o.right());
    }
    for (int f = 0; f < 2; f++) {
      ScoreCalibration fitted = fit(folds.get(1 - f));
      for (Outcome o : folds.get(f)) {
        crossFitted.add(fitted.apply(o.score()), o.right());
      }
    }
    out.printf(Locale.ROOT, "%nscore reliability (%d vocabulary item tags of videos in mapped categories; right = its category agrees):%n",
        outcomes.size());
    printDiagram(out, "raw score", raw);
    printDiagram(out, "calibrated, cross-fitted (2 folds by video)", crossFitted);
    printDiagram(out, shipped == ScoreCalibration.IDENTITY ? "as the tagger scores (no calibration without a reference)"
        : "calibrated by the shipped map", asShipped);
    if (writeCalibration != null) {
      ScoreCalibration all = fit(outcomes);
      Files.writeString(writeCalibration, all.toTsv());
      out.printf(Locale.ROOT, "calibration fitted to all %d outcomes (%d points) written to %s%n", outcomes.size(), all.points(),
          writeCalibration);
    }
  }

  private static ScoreCalibration fit(List<Outcome> outcomes) {
    double[] x = new double[outcomes.size()];
    boolean[] y = new boolean[outcomes.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = outcomes.get(i).score();
      y[i] = outcomes.get(i).right();
    }
    return ScoreCalibration.fit(x, y);
  }

  static void printDiagram(PrintWriter out, String title, ReliabilityDiagram d) {
    out.printf(Locale.ROOT, "  %s: expected calibration error %.3f over %d tags%n", title, d.expectedCalibrationError(), d.total());
    out.printf(Locale.ROOT, "    %-11s %6s %10s %11s%n", "bin", "tags", "mean score", "share right");
    for (ReliabilityDiagram.Bin b : d.bins()) {
      if (b.count() > 0) {
        out.printf(Locale.ROOT, "    [%.1f, %.1f%s %6d %10.3f %11.3f%n", b.from(), b.to(), b.to() < 1 ? ")" : "]", b.count(),
            b.meanScore(), b.shareRight());
      }
    }
  }

  private void ownTopics(PrintWriter out, OfflineTagger tagger, TaggingReference reference, ScoreCalibration shipped,
      Map<String, VocabularyEntry> itemByLabel) throws Exception {
    Map<String, VocabularyEntry> byId = new HashMap<>();
    itemByLabel.values().forEach(e -> byId.put(e.id(), e));
    List<CorpusVideo> corpus = SampleCorpus.bundled();
    Map<String, int[]> byLanguage = new TreeMap<>();
    Map<String, List<Double>> similarities = new TreeMap<>();
    Map<String, ReliabilityDiagram> reliability = new TreeMap<>();
    List<VideoSubmission> uploads = BenchCorpus.videos(corpus.size());
    ParallelEach.run(IntStream.range(0, corpus.size()).boxed().toList(),
        threads == 0 ? Runtime.getRuntime().availableProcessors() : threads, i -> {
          VocabularyEntry own = byId.get(corpus.get(i).topic());
          VideoSubmission v = uploads.get(i);
          nearestSimilarity(reference, tagger, v).ifPresent(sim -> {
            synchronized (similarities) {
              similarities.computeIfAbsent(v.language().startsWith("zh") ? "zh" : "en", k -> new ArrayList<>()).add(sim);
            }
          });
          TagExtraction tags = tagger.tag(v);
          boolean found = own != null && tags.itemTags().stream()
              .anyMatch(t -> t.label().equals(own.zh()) || t.label().equals(own.en()));
          if (own != null) {
            for (RawTag t : tags.itemTags()) {
              VocabularyEntry e = itemByLabel.get(t.label());
              if (e != null) {
                synchronized (reliability) {
                  reliability.computeIfAbsent(v.language().startsWith("zh") ? "zh" : "en", k -> new ReliabilityDiagram())
                      .add(shipped.apply(t.score()), e.category().equals(own.category()));
                }
              }
            }
          }
          synchronized (byLanguage) {
            int[] c = byLanguage.computeIfAbsent(v.language().startsWith("zh") ? "zh" : "en", k -> new int[2]);
            c[0] += found ? 1 : 0;
            c[1]++;
          }
        });
    int hit = byLanguage.values().stream().mapToInt(c -> c[0]).sum();
    int n = byLanguage.values().stream().mapToInt(c -> c[1]).sum();
    out.printf(Locale.ROOT, "%nbundled corpus: own topic among the item tags  %s", figure(new Accuracy(hit, n)));
    byLanguage.forEach((lang, c) -> out.printf(Locale.ROOT, "; %s %.3f (%d of %d)", lang, (double) c[0] / c[1], c[0], c[1]));
    out.println();
    similarities.forEach((lang, sims) -> out.printf(Locale.ROOT, "  %s: similarity to the nearest labelled neighbour %s%n", lang, quantiles(sims)));
    reliability.forEach((lang, d) -> printDiagram(out, "bundled corpus, " + lang + ", "
        + (shipped == ScoreCalibration.IDENTITY ? "uncalibrated" : "calibrated by the shipped map")
        + " (right = the tag's category is the video's own topic's)", d));
  }

  private static Optional<Double> nearestSimilarity(TaggingReference reference, OfflineTagger tagger, VideoSubmission v) {
    var n = reference.neighbours().nearest(tagger.documentVector(v), 1, v.videoId());
    return n.isEmpty() ? Optional.empty() : Optional.of(n.get(0).similarity());
  }

  private static String quantiles(List<Double> values) {
    if (values.isEmpty()) {
      return "n/a";
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return String.format(Locale.ROOT, "p10 %.3f, p50 %.3f, p90 %.3f", v[(int) (0.1 * (v.length - 1))], v[(int) (0.5 * (v.length - 1))],
        v[(int) (0.9 * (v.length - 1))]);
  }

  private static String figure(Accuracy a) {
    if (a.labelled() == 0) {
      return "n/a (no videos)";
    }
    double[] ci = a.wilson95();
    return String.format(Locale.ROOT, "%.3f  [%.3f, %.3f]  (%d of %d)", a.value(), ci[0], ci[1], a.correct(), a.labelled());
  }
}
