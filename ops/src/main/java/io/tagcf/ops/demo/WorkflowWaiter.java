package io.tagcf.ops.demo;

import io.tagcf.models.video.IngestStage;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.video.VideoRepository;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import me.tongfei.progressbar.ProgressBar;

/** Waits for the ingest workflow of each video to finish, through Temporal, showing progress. */
public final class WorkflowWaiter {

  private final WorkflowClient client;
  private final Predicate<String> doneInStore;

  /**
   * @param doneInStore whether a video is ingested according to the database; asked when the
   *     server has no workflow for it (an unchanged re-upload after a restart of the embedded
   *     server, whose history is kept in memory only)
   */
  public WorkflowWaiter(WorkflowClient client, Predicate<String> doneInStore) {
    this.client = client;
    this.doneInStore = doneInStore;
  }

  /** A waiter on the stack's Temporal server that falls back to the stack's database. */
  public static WorkflowWaiter of(DevStack stack) {
    VideoRepository videos = new VideoRepository(stack.database().dataSource());
    return new WorkflowWaiter(stack.temporal().client(),
        id -> videos.find(id).map(v -> v.stage() == IngestStage.DONE).orElse(false));
  }

  /** Returns the ids of videos whose workflow failed or did not finish within the timeout. */
  public List<String> awaitAll(List<String> videoIds, long timeoutSeconds, boolean showProgress) {
    List<String> unfinished = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    try (ProgressBar bar = CorpusUploader.progress("ingest", videoIds.size(), showProgress)) {
      for (String id : videoIds) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()));
        try {
          client
              .newUntypedWorkflowStub(VideoIngestWorkflow.workflowId(id), Optional.empty(), Optional.empty())
              .getResult(left, TimeUnit.SECONDS, IngestResult.class);
        } catch (WorkflowNotFoundException e) {
          if (!doneInStore.test(id)) {
            unfinished.add(id);
          }
        } catch (WorkflowException | TimeoutException e) {
          unfinished.add(id);
        }
        if (bar != null) {
          bar.step();
        }
      }
    }
    return unfinished;
  }
}
