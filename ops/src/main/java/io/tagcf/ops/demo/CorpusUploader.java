package io.tagcf.ops.demo;

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

  private final ApiClient api;
  private final int concurrency;

  public CorpusUploader(ApiClient api, int concurrency) {
    this.api = api;
    this.concurrency = concurrency;
  }

  public List<Rejected> uploadAll(List<CorpusVideo> videos, boolean showProgress) throws InterruptedException {
    Semaphore inFlight = new Semaphore(concurrency);
    List<Rejected> rejected = new ArrayList<>();
    ConcurrentHashMap<String, Integer> failures = new ConcurrentHashMap<>();
    List<CompletableFuture<Void>> all = new ArrayList<>(videos.size());
    try (ProgressBar bar = progress("upload", videos.size(), showProgress)) {
      for (CorpusVideo v : videos) {
        inFlight.acquire();
        all.add(
            api.upload(v.upload())
                .handle((status, error) -> {
                  if (error != null || status != 202) {
                    failures.put(v.videoId(), error != null ? 0 : status);
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
    return rejected;
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
