package io.tagcf.bench;

import io.tagcf.batch.InputException;
import io.tagcf.batch.Progress;
import io.tagcf.batch.ranking.DatasetFormat;
import io.tagcf.batch.ranking.ItemTagging;
import io.tagcf.batch.ranking.RankingDataset;
import io.tagcf.batch.ranking.RankingDatasetReader;
import io.tagcf.batch.ranking.TaggedItems;
import io.tagcf.batch.tag.BatchTagger;
import io.tagcf.models.ranking.evaluation.BaseRecommender;
import io.tagcf.models.ranking.evaluation.Ease;
import io.tagcf.models.ranking.evaluation.EvaluationSettings;
import io.tagcf.models.ranking.evaluation.ItemKnn;
import io.tagcf.models.ranking.evaluation.LiftInterval;
import io.tagcf.models.ranking.evaluation.ProfileSettings;
import io.tagcf.models.ranking.evaluation.RankingEvaluation;
import io.tagcf.models.ranking.evaluation.RankingReport;
import io.tagcf.models.ranking.evaluation.Split;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.tools.TagCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagcf bench ranking}: the TagCF ranking scores added to a classical recommender, on a
 * public data set, by the protocol of {@link RankingEvaluation} (leave-one-out, full ranking,
 * everything fitted and tuned without the test events). Prints NDCG@10, Recall@10 and coverage@10
 * for the base and base + TagCF, with the bootstrap interval of the lift, the run time and memory.
 */
@Command(name = "ranking", mixinStandardHelpOptions = true,
    description = {
      "Offline ranking evaluation: base recommender vs base + TagCF tag scores (NDCG@10, Recall@10, coverage@10,"
          + " bootstrap 95%% interval of the lift), leave-one-out by time or sequence order, full ranking.",
      "Items are tagged with the configured tagger; tags are cached in --tags and reused."
    })
final class RankingBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--dataset", required = true, paramLabel = "DIR", description = "Directory of one data set's files.")
  Path dir;

  @Option(names = "--format", required = true, paramLabel = "atomic|sequence",
      description = "atomic: RecBole's NAME.inter (user_id, item_id, timestamp) + NAME.item; sequence: UniSRec's"
          + " NAME.test.inter (user_id, item_id_list, item_id) + NAME.item.")
  String formatName;

  @Option(names = "--tagger", defaultValue = "auto", paramLabel = "auto|offline|llm|categories",
      description = "auto: the LLM when TAGCF_LLM_PROVIDER is set, else offline (default ${DEFAULT-VALUE});"
          + " categories: the data set's own categories as tags (MovieLens genres), a yardstick for an exact tagger.")
  String taggerName;

  @Option(names = "--tags", paramLabel = "FILE",
      description = "Tag cache (tagcf tag output); default DIR/tagcf-tags-<tagger>.jsonl. Items in it are not tagged again.")
  Path tags;

  @Option(names = "--base", defaultValue = "auto", paramLabel = "auto|ease|itemknn",
      description = "Base recommender: EASE up to " + Ease.MAX_ITEMS + " items, ItemKNN above (auto, default ${DEFAULT-VALUE}).")
  String baseName;

  @Option(names = "--half-lives", paramLabel = "T,T…", split = ",",
      description = "Recency half-lives of the profiles tried on validation, in the data's time unit"
          + " (default: 1,7,30,365 days, or 1,3,10,30 positions).")
  double[] halfLives;

  @Option(names = "--tune-users", defaultValue = "10000", paramLabel = "N",
      description = "Users (seeded sample) that score the validation grids (default ${DEFAULT-VALUE}).")
  int tuneUsers;

  @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "B", description = "Bootstrap resamples (default ${DEFAULT-VALUE}).")
  int resamples;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of samples and bootstrap (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "0", description = "Threads; 0 = cores (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    DatasetFormat format = parse(DatasetFormat.class, formatName, "--format", "atomic or sequence");
    if (tuneUsers < 1 || resamples < 100 || threads < 0 || (halfLives != null && Arrays.stream(halfLives).anyMatch(h -> !(h > 0)))) {
      throw new InputException("--tune-users must be >= 1, --bootstrap >= 100, --threads >= 0, --half-lives > 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    int cores = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    long start = System.nanoTime();
    RankingDataset dataset = RankingDatasetReader.read(dir, format);
    Split split = Split.leaveOneOut(dataset.data());
    out.printf(Locale.ROOT, "data set %s: %d users, %d items, %d interactions (time unit: %s); %d users with >= %d"
            + " interactions evaluated (last = test, one before = validation)%n", dataset.data().name(), dataset.data().users().size(),
        dataset.data().itemCount(), dataset.data().interactionCount(), dataset.data().timeUnit(), split.evaluatedUsers(),
        Split.MIN_HISTORY);
    out.flush();

    TaggedItems tagged;
    String taggedWith;
    String cache;
    if (taggerName.strip().equalsIgnoreCase("categories")) {
      tagged = ItemTagging.fromCategories(dataset);
      taggedWith = "the data set's own categories (a yardstick, not a tagger)";
      cache = "the item file";
    } else {
      BatchTagger tagger = TagCommand.configuredTagger(taggerName, TagcfCommand.config(spec));
      Path file = tags != null ? tags
          : dir.resolve("tagcf-tags-" + tagger.description().replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("-+$", "") + ".jsonl");
      tagged = ItemTagging.tag(dataset, tagger, file, cores, Progress.terminal());
      taggedWith = tagger.description();
      cache = file.toString();
    }
    long withItem = tagged.itemTags().stream().filter(m -> !m.isEmpty()).count();
    double itemTagsPerItem = tagged.itemTags().stream().mapToInt(java.util.Map::size).average().orElse(0);
    double audiencePerItem = tagged.audienceTags().stream().mapToInt(java.util.Map::size).average().orElse(0);
    out.printf(Locale.ROOT, "tagged with %s: %d now, %d from %s, in %.1f s; %d distinct labels; %.1f item and %.1f audience"
            + " tags per item; %d items with item tags%n", taggedWith, tagged.taggedNow(), tagged.fromCache(), cache,
        tagged.seconds(), tagged.labels().size(), itemTagsPerItem, audiencePerItem, withItem);
    out.flush();

    double[] lives = halfLives != null ? halfLives
        : "days".equals(dataset.data().timeUnit()) ? new double[] {1, 7, 30, 365} : new double[] {1, 3, 10, 30};
    EvaluationSettings settings = new EvaluationSettings(bases(dataset.data().itemCount()), EvaluationSettings.BETA_GRID,
        EvaluationSettings.BETA_GRID, lives, ProfileSettings.platform(lives[0]), tuneUsers, resamples, seed, cores);
    RankingReport r = new RankingEvaluation(split, tagged.itemTags(), tagged.audienceTags(), settings, line -> {
      out.println("  " + line);
      out.flush();
    }).run();
    print(out, r, dataset.data().timeUnit());
    out.printf(Locale.ROOT, "run time %.1f s on %d threads; heap in use after the run %.0f MiB, resident peak %.0f MiB%n",
        (System.nanoTime() - start) / 1e9, cores, PeakMemory.liveHeapBytes() / 1048576.0, PeakMemory.residentBytes() / 1048576.0);
    out.flush();
    return 0;
  }

  private List<BaseRecommender> bases(int items) {
    String choice = baseName.strip().toLowerCase(Locale.ROOT);
    if (!List.of("auto", "ease", "itemknn").contains(choice)) {
      throw new InputException("--base must be auto, ease or itemknn, got " + baseName);
    }
    boolean ease = choice.equals("ease") || (choice.equals("auto") && items <= Ease.MAX_ITEMS);
    if (ease && items > Ease.MAX_ITEMS) {
      throw new InputException("--base ease: " + items + " items need a dense inverse beyond " + Ease.MAX_ITEMS + "; use itemknn");
    }
    List<BaseRecommender> out = new ArrayList<>();
    if (ease) {
      for (double lambda : new double[] {50, 100, 200, 500, 1000}) {
        out.add(new Ease(lambda));
      }
    } else {
      for (int k : new int[] {50, 100, 200}) {
        for (double shrink : new double[] {0, 10}) {
          out.add(new ItemKnn(k, shrink));
        }
      }
    }
    return out;
  }

  private static void print(PrintWriter out, RankingReport r, String unit) {
    out.printf(Locale.ROOT, "base chosen on validation: %s (of %s)%n", r.base(),
        r.baseCandidates().stream().map(c -> String.format(Locale.ROOT, "%s %.4f", c.name(), c.validationNdcg())).toList());
    out.printf(Locale.ROOT, "tuned on validation (%d users): util β0=%s, half-life %s %s (NDCG@10 %.4f); expl β0=%s β1=%s,"
            + " half-life %s %s (%.4f)%n", r.tunedOn(), r.util().beta0(), r.util().halfLife(), unit, r.util().validationNdcg(),
        r.expl().beta0(), r.expl().beta1(), r.expl().halfLife(), unit, r.expl().validationNdcg());
    out.printf(Locale.ROOT, "profiles (test round, expl's half-life): %.1f%% of users with tag interest, %.1f%% with a logic"
            + " expansion; logic graph %d U2I / %d I2U edges%n", 100 * r.usersWithInterest(), 100 * r.usersWithExpansion(),
        r.u2iEdges(), r.i2uEdges());
    out.printf(Locale.ROOT, "test: %d users ranked over all %d items (%d left out: test item already in their history)%n",
        r.testUsers(), r.items(), r.skippedRepeats());
    out.printf(Locale.ROOT, "  %-26s %9s %10s %12s  %s%n", "", "NDCG@10", "Recall@10", "coverage@10", "NDCG lift vs base [95% CI]");
    out.printf(Locale.ROOT, "  %-26s %9.4f %10.4f %12.4f%n", "base", r.baseTest().ndcg(), r.baseTest().recall(), r.baseTest().coverage());
    row(out, "base + TagCF util (tag0)", r.utilTest(), r.utilLift());
    row(out, "base + TagCF expl (tag0+1)", r.explTest(), r.explLift());
    out.printf(Locale.ROOT, "  %-26s %9.4f %10.4f %12.4f  (diagnostic: no base)%n", "tags alone (tag0)", r.tagsAloneTest().ndcg(),
        r.tagsAloneTest().recall(), r.tagsAloneTest().coverage());
    LiftInterval rl = r.explRecallLift();
    out.printf(Locale.ROOT, "  Recall@10 lift of expl: %+.2f%% [%+.2f%%, %+.2f%%]%n", 100 * rl.lift(), 100 * rl.low(), 100 * rl.high());
  }

  private static void row(PrintWriter out, String name, RankingReport.Metrics m, LiftInterval lift) {
    out.printf(Locale.ROOT, "  %-26s %9.4f %10.4f %12.4f  %+.2f%% [%+.2f%%, %+.2f%%]%s%n", name, m.ndcg(), m.recall(), m.coverage(),
        100 * lift.lift(), 100 * lift.low(), 100 * lift.high(), lift.aboveZero() ? "" : "  (interval includes 0)");
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String name, String option, String allowed) {
    try {
      return Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(option + " must be " + allowed + ", got " + name);
    }
  }
}
