package io.tagcf.batch.tag;

import io.tagcf.batch.InputException;
import io.tagcf.batch.JsonLine;
import io.tagcf.batch.JsonLinesReader;
import io.tagcf.batch.ProblemReport;
import io.tagcf.batch.Progress;
import io.tagcf.batch.llm.LlmRefusedException;
import io.tagcf.models.video.VideoSubmission;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One pass of {@code tagcf tag} over an input file: lines are read and checked on the calling
 * thread, tagged on {@code concurrency} threads, and each result is appended as soon as it is
 * ready (so output order follows completion, not input). Invalid lines are reported and skipped;
 * a refusing LLM or an unwritable output stops the run after the videos in flight.
 */
public final class TagRun {

  /** What a run did. {@code invalid} counts bad and duplicate input lines. */
  public record Summary(int tagged, int llm, int offline, int fallback, int alreadyDone, int invalid, int failed,
                 double seconds) {
    public boolean complete() {
      return invalid == 0 && failed == 0;
    }
  }

  private final BatchTagger tagger;
  private final int concurrency;
  private final ProblemReport problems;
  private final boolean progress;

  public TagRun(BatchTagger tagger, int concurrency, ProblemReport problems, boolean progress) {
    this.tagger = tagger;
    this.concurrency = concurrency;
    this.problems = problems;
    this.progress = progress;
  }

  public Summary run(Path in, TagOutputFile out) throws InterruptedException {
    long start = System.nanoTime();
    long total = JsonLinesReader.countLines(in, "--in");
    Map<String, Integer> firstLine = new HashMap<>();
    AtomicInteger llm = new AtomicInteger();
    AtomicInteger offline = new AtomicInteger();
    AtomicInteger fallback = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    AtomicReference<RuntimeException> abort = new AtomicReference<>();
    int alreadyDone = 0;
    int invalid = 0;
    // Bounded hand-over: the reader stays a little ahead of the taggers, never a whole file ahead.
    Semaphore slots = new Semaphore(2 * concurrency);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, r -> {
      Thread t = new Thread(r, "tagcf-tag");
      t.setDaemon(true);
      return t;
    });
    try (JsonLinesReader reader = JsonLinesReader.open(in, "--in"); Progress bar = Progress.of("tag", total, progress)) {
      while (abort.get() == null && reader.hasNext()) {
        JsonLine line = reader.next();
        VideoSubmission video;
        try {
          video = VideoLineParser.parse(line);
        } catch (InputException e) {
          problems.report(e.getMessage() + "; skipped");
          invalid++;
          bar.step();
          continue;
        }
        Integer first = firstLine.putIfAbsent(video.videoId(), line.number());
        if (first != null) {
          problems.report(line.where() + ": videoId " + video.videoId() + " already on line " + first + "; skipped");
          invalid++;
          bar.step();
          continue;
        }
        if (out.done().contains(video.videoId())) {
          alreadyDone++;
          bar.step();
          continue;
        }
        slots.acquire();
        pool.execute(() -> {
          try {
            if (abort.get() != null) {
              return;
            }
            TagLine tagged = tagger.tag(video);
            out.write(tagged);
            (switch (tagged.tagger()) {
              case "llm" -> llm;
              case "fallback" -> fallback;
              default -> offline;
            }).incrementAndGet();
          } catch (LlmRefusedException | UncheckedIOException e) {
            abort.compareAndSet(null, e);
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            problems.report(line.where() + " (videoId " + video.videoId() + "): tagging failed: " + e.getMessage());
          } finally {
            slots.release();
            bar.step();
          }
        });
      }
    } finally {
      pool.shutdown();
      if (!pool.awaitTermination(1, TimeUnit.DAYS)) {
        pool.shutdownNow();
      }
    }
    Summary summary = new Summary(llm.get() + offline.get() + fallback.get(), llm.get(), offline.get(),
        fallback.get(), alreadyDone, invalid, failed.get(), (System.nanoTime() - start) / 1e9);
    RuntimeException stop = abort.get();
    if (stop instanceof LlmRefusedException) {
      throw new InputException(stop.getMessage() + "; stopped after tagging " + summary.tagged()
          + " videos (a rerun resumes after them)");
    }
    if (stop != null) {
      throw new InputException(stop.getMessage() + "; stopped after tagging " + summary.tagged() + " videos");
    }
    return summary;
  }
}
