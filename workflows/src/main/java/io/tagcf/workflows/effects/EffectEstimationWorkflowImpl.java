package io.tagcf.workflows.effects;

import io.tagcf.activities.effects.EffectActivities;
import io.tagcf.activities.effects.EffectActivitiesImpl;
import io.tagcf.activities.effects.PrepareRequest;
import io.tagcf.activities.effects.PublishedSnapshot;
import io.tagcf.activities.effects.ShardRequest;
import io.tagcf.activities.effects.ShardSummary;
import io.tagcf.activities.effects.SnapshotPlan;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectProgress;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsRequest;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Orchestration only: prepare, fan the shards out in parallel (each retried on its own), publish;
 * a run that cannot finish marks its snapshot failed, so nothing of it is ever read.
 */
public final class EffectEstimationWorkflowImpl implements EffectEstimationWorkflow {

  /**
   * A running shard reports on a timer (a few times within this); a worker that dies is noticed
   * within it and the shard is retried, on this or another worker.
   */
  public static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  private static final RetryOptions RETRY = RetryOptions.newBuilder()
      .setInitialInterval(Duration.ofSeconds(2))
      .setBackoffCoefficient(2)
      .setMaximumInterval(Duration.ofMinutes(1))
      .setMaximumAttempts(6)
      .setDoNotRetry(EffectActivitiesImpl.INVALID_REQUEST)
      .build();

  private final EffectActivities steps = Workflow.newActivityStub(EffectActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.EFFECTS)
          .setScheduleToStartTimeout(Duration.ofHours(1))
          .setStartToCloseTimeout(Duration.ofMinutes(30))
          .setRetryOptions(RETRY)
          .build());

  private final EffectActivities shards = Workflow.newActivityStub(EffectActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.EFFECTS)
          .setScheduleToStartTimeout(Duration.ofHours(2))
          .setStartToCloseTimeout(Duration.ofHours(2))
          .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
          .setRetryOptions(RETRY)
          .build());

  /** Version of the change that starts the snapshot's explanations once it is published. */
  static final String EXPLAIN_AFTER_PUBLISH = "explain-after-publish";

  private EffectProgress progress = EffectProgress.preparing();

  @Override
  public SnapshotResult estimate(EffectRequest request) {
    WorkflowInfo info = Workflow.getInfo();
    SnapshotPlan plan = steps.prepareSnapshot(new PrepareRequest(info.getWorkflowId() + "/" + info.getRunId(),
        request.windowEndMillis(Workflow.currentTimeMillis()), request.windowDays(), request.segments(),
        request.shards(), request.settings()));
    long id = plan.snapshotId();
    if (plan.empty() != null) {
      return fail(id, plan.empty());
    }
    progress = new EffectProgress(id, "estimating", 0, plan.shards(), null);
    List<Promise<ShardSummary>> running = new ArrayList<>();
    for (int shard = 0; shard < plan.shards(); shard++) {
      ShardRequest r = new ShardRequest(id, shard, plan.shards(), request.settings());
      running.add(Async.function(shards::estimateShard, r).thenApply(summary -> {
        progress = progress.withShardDone();
        return summary;
      }));
    }
    try {
      Promise.allOf(running).get();
    } catch (ActivityFailure f) {
      return fail(id, "a shard failed: " + FailureReason.of(f));
    }
    PublishedSnapshot published;
    try {
      published = steps.publishSnapshot(id);
    } catch (ActivityFailure f) {
      // Without this the run would fail with its snapshot left 'running' for ever.
      return fail(id, "publication failed: " + FailureReason.of(f));
    }
    progress = new EffectProgress(id, "published", plan.shards(), plan.shards(), null);
    if (Workflow.getVersion(EXPLAIN_AFTER_PUBLISH, Workflow.DEFAULT_VERSION, 1) == 1 && plan.explain()) {
      startExplanations(id);
    }
    return new SnapshotResult(id, "published", published.cellsEstimated(), published.cellsInsufficient(), null);
  }

  /**
   * Starts the snapshot's explanations as a child that outlives this run: only its start is
   * awaited, and a start that fails (one runs already) leaves the publication as it is.
   */
  private void startExplanations(long snapshotId) {
    SnapshotExplanationsWorkflow explanations = Workflow.newChildWorkflowStub(SnapshotExplanationsWorkflow.class,
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(SnapshotExplanationsWorkflow.workflowId(snapshotId))
            .setTaskQueue(TaskQueues.EXPLANATIONS)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .build());
    Async.function(explanations::explainSnapshot, SnapshotExplanationsRequest.of(snapshotId));
    try {
      Workflow.getWorkflowExecution(explanations).get();
    } catch (ChildWorkflowFailure f) {
      Workflow.getLogger(EffectEstimationWorkflowImpl.class)
          .warn("explanations of snapshot {} not started: {}", snapshotId, FailureReason.of(f));
    }
  }

  private SnapshotResult fail(long id, String reason) {
    steps.failSnapshot(id, reason);
    progress = new EffectProgress(id, "failed", progress.shardsDone(), progress.shardsTotal(), reason);
    return new SnapshotResult(id, "failed", 0, 0, reason);
  }

  @Override
  public EffectProgress progress() {
    return progress;
  }
}
