package io.tagcf.ops.tools;

import io.tagcf.activities.llm.LlmSettings;
import io.tagcf.batch.InputException;
import io.tagcf.batch.JsonLinesReader;
import io.tagcf.batch.LocalModels;
import io.tagcf.batch.ProblemReport;
import io.tagcf.batch.Progress;
import io.tagcf.batch.tag.BatchTagger;
import io.tagcf.batch.tag.LlmFirstBatchTagger;
import io.tagcf.batch.tag.OfflineBatchTagger;
import io.tagcf.batch.tag.TagOutputFile;
import io.tagcf.batch.tag.TagRun;
import io.tagcf.ops.TagcfCommand;
import io.tagcf.ops.config.TagcfConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tagcf tag}: tags a JSON Lines file of videos, resumably. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag a JSON Lines file of videos, resumably, with the LLM or the offline tagger.",
      "Input lines have the fields of POST /v1/videos. The LLM tags when TAGCF_LLM_PROVIDER is set,"
          + " else the offline tagger. No database needed.",
      "Output lines: {\"videoId\",\"itemTags\":[{\"label\",\"score\"}],\"audienceTags\":[...],"
          + "\"tagger\":\"llm|offline|fallback\",\"fallbackReason\"}, in the order videos finish.",
      "Resumable: videos already in --out are skipped and new lines appended. Invalid input lines "
          + "are reported on stderr and skipped."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every input line is tagged (now or by an earlier run)",
      "1:error; nothing more is written (a rerun resumes)",
      "2:bad command-line option",
      "3:done, but some input lines were invalid or failed (see stderr)"
    })
public final class TagCommand implements Callable<Integer> {

  /** Exit code of a run that wrote all it could but skipped invalid or failed lines. */
  public static final int PARTIAL = 3;

  enum TaggerChoice { AUTO, OFFLINE, LLM }

  @Spec CommandSpec spec;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "Videos, one JSON object per line.")
  Path in;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Tags, one JSON object per line; appended to.")
  Path out;

  @Option(names = "--tagger", defaultValue = "auto", paramLabel = "auto|offline|llm",
      description = "auto: the LLM when TAGCF_LLM_PROVIDER is set, else offline (default ${DEFAULT-VALUE}).")
  String taggerName;

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Videos tagged at once (default: TAGCF_LLM_CONCURRENCY for the LLM, TAGCF_CPU_ACTIVITY_SLOTS offline).")
  Integer concurrency;

  @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Show a progress bar on stderr when it is a terminal (default on).")
  boolean progress;

  @Override
  public Integer call() throws Exception {
    TaggerChoice choice = parseTagger(taggerName);
    if (concurrency != null && (concurrency < 1 || concurrency > 256)) {
      throw new InputException("--concurrency must be between 1 and 256, got " + concurrency);
    }
    if (in.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
      throw new InputException("--in and --out are the same file: " + in);
    }
    TagcfConfig config = TagcfCommand.config(spec);
    // Everything that can be wrong with the set-up fails before --out is created or touched.
    boolean useLlm = useLlm(choice, config.llm());
    LocalModels.requireKnown(config.embeddingModel());
    JsonLinesReader.requireReadable(in, "--in");
    TagOutputFile output = TagOutputFile.openForResume(out);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    if (output.droppedPartialLine()) {
      err.println("tagcf tag: removed the cut-off last line of " + out + " (an interrupted run); its video is tagged again");
    }
    ProblemReport problems = new ProblemReport(err, "tagcf tag: ", 50);
    TagRun.Summary s;
    BatchTagger tagger;
    try (output) {
      tagger = useLlm ? llmTagger(config) : offlineTagger(config);
      int threads = concurrency != null ? concurrency
          : useLlm ? config.llm().orElseThrow().concurrency() : config.cpuActivitySlots();
      s = new TagRun(tagger, threads, problems, progress && Progress.terminal()).run(in, output);
    }
    problems.finish();
    stdout.printf(Locale.ROOT, "tagged %d videos into %s in %.1f s with the %s: llm %d, fallback %d, offline %d;"
            + " already there %d; invalid lines skipped %d; failed %d%n",
        s.tagged(), out, s.seconds(), tagger.description(), s.llm(), s.fallback(), s.offline(), s.alreadyDone(),
        s.invalid(), s.failed());
    stdout.flush();
    return s.complete() ? 0 : PARTIAL;
  }

  /**
   * The tagger {@code --tagger auto|offline|llm} names under {@code config}, as this command builds
   * it; for tools that tag other inputs the same way (the ranking benchmark).
   */
  public static BatchTagger configuredTagger(String taggerName, TagcfConfig config) {
    boolean useLlm = useLlm(parseTagger(taggerName), config.llm());
    LocalModels.requireKnown(config.embeddingModel());
    return useLlm ? llmTagger(config) : offlineTagger(config);
  }

  private static TaggerChoice parseTagger(String name) {
    try {
      return TaggerChoice.valueOf(name.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException("--tagger must be auto, offline or llm, got " + name);
    }
  }

  private static boolean useLlm(TaggerChoice choice, Optional<LlmSettings> llm) {
    if (choice == TaggerChoice.LLM && llm.isEmpty()) {
      throw new InputException("--tagger llm needs an LLM: set TAGCF_LLM_PROVIDER (openai or ollama),"
          + " TAGCF_LLM_BASE_URL and TAGCF_LLM_MODEL");
    }
    return choice != TaggerChoice.OFFLINE && llm.isPresent();
  }

  private static BatchTagger offlineTagger(TagcfConfig config) {
    return OfflineBatchTagger.load(config.embeddingModel(), config.offlineTagger());
  }

  private static BatchTagger llmTagger(TagcfConfig config) {
    return LlmFirstBatchTagger.create(config.llm().orElseThrow(), config.embeddingModel(), config.offlineTagger());
  }
}
