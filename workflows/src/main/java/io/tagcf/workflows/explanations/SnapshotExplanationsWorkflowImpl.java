package io.tagcf.workflows.explanations;

import io.tagcf.activities.explanations.ExplanationActivities;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.tagcf.workflowapi.explanations.ExplanationResult;
import io.tagcf.workflowapi.explanations.ExplanationWorkflow;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsProgress;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsRequest;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages through a snapshot's videos with effects and runs an {@link ExplanationWorkflow} child per
 * video and language, at most {@code parallel} at a time. A child's id is the on-demand run's id,
 * so a video a creator asked about already is only reported, never written twice. Continues as new
 * after {@link #PAGES_PER_RUN} pages to keep each run's history short.
 */
public final class SnapshotExplanationsWorkflowImpl implements SnapshotExplanationsWorkflow {

  static final int PAGES_PER_RUN = 4;

  private final ExplanationActivities steps = Workflow.newActivityStub(ExplanationActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.EXPLANATIONS)
          .setScheduleToStartTimeout(Duration.ofHours(1))
          .setStartToCloseTimeout(Duration.ofMinutes(1))
          .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
          .build());

  private SnapshotExplanationsProgress progress;

  @Override
  public SnapshotExplanationsProgress explainSnapshot(SnapshotExplanationsRequest request) {
    progress = request.progress();
    for (int page = 0; page < PAGES_PER_RUN; page++) {
      List<String> videos = steps.videosToExplain(request.snapshotId(), progress.lastVideoId(), request.pageSize());
      if (videos.isEmpty()) {
        progress = new SnapshotExplanationsProgress(progress.snapshotId(), progress.lastVideoId(), progress.videos(),
            progress.created(), progress.existing(), progress.failed(), true);
        return progress;
      }
      explainPage(request, videos);
    }
    Workflow.continueAsNew(request.continuing(progress));
    return progress;
  }

  private void explainPage(SnapshotExplanationsRequest request, List<String> videos) {
    int[] counts = new int[3];
    List<Promise<ExplanationResult>> wave = new ArrayList<>();
    for (String video : videos) {
      for (String language : request.languages()) {
        ExplanationWorkflow child = Workflow.newChildWorkflowStub(ExplanationWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(ExplanationWorkflow.workflowId(video, request.snapshotId(), language))
                .setTaskQueue(TaskQueues.EXPLANATIONS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        wave.add(Async.function(child::explain, new ExplanationRequest(video, request.snapshotId(), language)));
        if (wave.size() >= request.parallel()) {
          await(wave, counts);
        }
      }
    }
    await(wave, counts);
    progress = new SnapshotExplanationsProgress(progress.snapshotId(), videos.get(videos.size() - 1),
        progress.videos() + videos.size(), progress.created() + counts[0], progress.existing() + counts[1],
        progress.failed() + counts[2], false);
  }

  /** Waits for every run of the wave, counting created, existing and failed ones into {@code counts}. */
  private static void await(List<Promise<ExplanationResult>> wave, int[] counts) {
    for (Promise<ExplanationResult> run : wave) {
      try {
        String status = run.get().status();
        counts[ExplanationResult.CREATED.equals(status) ? 0 : ExplanationResult.EXISTING.equals(status) ? 1 : 2]++;
      } catch (ChildWorkflowFailure f) {
        // Also a run that a creator's request started first and that is still going: that run
        // writes the explanation itself.
        counts[2]++;
      }
    }
    wave.clear();
  }

  @Override
  public SnapshotExplanationsProgress progress() {
    return progress;
  }
}
