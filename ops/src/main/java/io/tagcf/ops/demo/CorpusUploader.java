package io.tagcf.ops.demo;

import com.google.common.util.concurrent.RateLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Uploads videos through the HTTP API with a bounded number in flight, showing progress. */
public final class CorpusUploader {

  /** Videos the API did not accept, with the status it answered (0 for transport errors). */
  public record Rejected(String videoId, int status) {}

  /** The outcome of an upload run: rejections, and how many accepted uploads had each {@code ingest} value. */
  public record Outcome(List<Rejected> rejected, java.util.Map<String, Integer> ingest) {}

  private final ApiClient api;
  private final int concurrency;
  private final RateLimiter rate;

  public CorpusUploader(ApiClient api, int concurrency) {
    this(api, concurrency, 0);
  }

  /** {@code perSecond} 0 uploads as fast as {@code concurrency} allows. */
  public CorpusUploader(ApiClient api, int concurrency, double perSecond) {
    this.api = api;
    this.concurrency = concurrency;
    this.rate = perSecond > 0 ? RateLimiter.create(perSecond) : null;
  }

  public List<Rejected> uploadAll(List<CorpusVideo> videos, boolean showProgress) throws InterruptedException {
    return upload(videos, showProgress).rejected();
  }

  public Outcome upload(List<CorpusVideo> videos, boolean showProgress) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    List<Rejected> rejected = new ArrayList<>();
    ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
    ConcurrentHashMap<String, Integer> ingest = new java.util.concurrent.ConcurrentHashMap<>();
    List<CompletableFuture<Void>> all = new ArrayList<>(videos.size());
    try (ProgressBar bar = progress("upload", videos.size(), showProgress)) {
      for (CorpusVideo v : videos) {
        if (rate != null) {
          rate.acquire();
        }
        inFlight.acquire();
        all.add(
            api.upload(v.upload())
                .handle((reply, error) -> {
                  if (error != null || reply.status() != 202) {
                    failures.put(v.videoId(), error != null ? 0 : reply.status());
                  } else {
                    ingest.merge(String.valueOf(reply.ingest()), 1, Integer::sum);
                  }
                  inFlight.release();
                  if (bar != null) {
                    bar.step();
                  }
                  return null;
                }));
      }
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
    }
    failures.forEach((id, status) -> rejected.add(new Rejected(id, status)));
    return new Outcome(rejected, new java.util.TreeMap<>(ingest));
  }

  static ProgressBar progress(String task, long max, boolean show) {
    if (!show) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .showSpeed()
        .build();
  }
}
