package io.tagcf.workflows.ingest;

import io.tagcf.activities.embedding.EmbeddingActivities;
import io.tagcf.activities.ingest.IngestFailures;
import io.tagcf.activities.ingest.IngestStoreActivities;
import io.tagcf.activities.llm.LlmBudgetActivities;
import io.tagcf.activities.llm.LlmTaggingActivities;
import io.tagcf.activities.llm.LlmTags;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.activities.tagging.NormalisationActivities;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.activities.tagging.TaggerPlanActivities;
import io.tagcf.activities.tagging.TaggingActivities;
import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.IngestStage;
import io.tagcf.models.video.VideoRef;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestRequest;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** Orchestration only: every effect happens in an activity. */
public final class VideoIngestWorkflowImpl implements VideoIngestWorkflow {

  static final String LLM_TAGGING_CHANGE = "llm-tagging";
  static final String LOCAL_STEPS_CHANGE = "local-steps";
  /**
   * Version 1: a step that fails after a re-upload has signalled new content restarts on the new
   * content instead of marking the video failed. The gateway's signal-with-start went to this run,
   * so before it the new content was never ingested.
   */
  static final String RESTART_AFTER_FAILURE_CHANGE = "restart-on-new-content-after-failure";
  /**
   * Version 1: a run whose content was replaced reads the video's current content instead of
   * waiting a minute for the upload's signal, which may have arrived already, out of order, or
   * not at all (the upload's signal failed); before it such a video stayed non-terminal with no run.
   */
  static final String REREAD_ON_SUPERSEDED_CHANGE = "reread-on-superseded";
  /**
   * Version 1: before the LLM calls, the video's creator's daily LLM budget is asked; a creator
   * past it has the video tagged offline with {@link #CREATOR_BUDGET_REASON}.
   */
  static final String CREATOR_BUDGET_CHANGE = "creator-llm-budget";

  /** The fallback reason of a video whose creator spent the day's LLM budget. */
  public static final String CREATOR_BUDGET_REASON = "creator-budget";

  /**
   * How long a run whose content was replaced waits for the upload's signal: runs started before
   * {@link #REREAD_ON_SUPERSEDED_CHANGE}.
   */
  static final Duration SUPERSEDED_GRACE = Duration.ofMinutes(1);

  /**
   * Attempts of a step: 1 s doubling to 30 s, 15 attempts, about 5.5 minutes in all, which
   * outlasts a restart of the database or of Temporal (6 attempts, about 31 s, did not: the video
   * was failed by an outage). What no retry fixes fails at once.
   */
  static final RetryOptions RETRY =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofSeconds(1))
          .setBackoffCoefficient(2.0)
          .setMaximumInterval(Duration.ofSeconds(30))
          .setMaximumAttempts(15)
          .setDoNotRetry(
              IngestFailures.CONTENT_SUPERSEDED,
              IngestFailures.VIDEO_NOT_FOUND,
              IngestFailures.INVALID_VIDEO,
              IllegalArgumentException.class.getName())
          .build();

  /**
   * Writing the video's state (results, failure) waits out longer outages still: up to an hour, a
   * minute between attempts. A failure that cannot be recorded would leave the video in a stage
   * that no run moves (the reconciler would find it, but only after its minimum age).
   */
  static final RetryOptions STATE_RETRY =
      RetryOptions.newBuilder(RETRY)
          .setMaximumInterval(Duration.ofMinutes(1))
          .setMaximumAttempts(0)
          .build();

  private final TaggingActivities tagging =
      Workflow.newActivityStub(TaggingActivities.class, queued(TaskQueues.TAGGING, Duration.ofMinutes(2)));

  /** Local: the plan is this worker's configuration, recorded in history as a marker. */
  private final TaggerPlanActivities planner =
      Workflow.newLocalActivityStub(
          TaggerPlanActivities.class,
          LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

  /** Local: one upsert in the database, and it must be asked before the calls are queued. */
  private final LlmBudgetActivities budget =
      Workflow.newLocalActivityStub(LlmBudgetActivities.class, localOptions(Duration.ofSeconds(30)));

  /**
   * Version 1 of "local-steps" runs normalising, embedding and storing as local activities on the
   * ingest worker: each is a few milliseconds of database work or a cached vector, and as remote
   * activities their task round trips through the server cost more than the work (ingest
   * throughput on the embedded stack about 16 → 23 videos/s). Tagging stays remote: it is the
   * CPU-heavy step that scales out on its own queue. Runs started before keep the remote steps on
   * replay.
   */
  private final IngestSteps localSteps =
      new IngestSteps(
          Workflow.newLocalActivityStub(NormalisationActivities.class, localOptions(Duration.ofMinutes(1))),
          Workflow.newLocalActivityStub(EmbeddingActivities.class, localOptions(Duration.ofMinutes(1))),
          Workflow.newLocalActivityStub(IngestStoreActivities.class, LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofHours(1))
              .setRetryOptions(STATE_RETRY)
              .build()));

  private final IngestSteps remoteSteps =
      new IngestSteps(
          Workflow.newActivityStub(NormalisationActivities.class, queued(TaskQueues.TAGGING, Duration.ofMinutes(1))),
          Workflow.newActivityStub(EmbeddingActivities.class, queued(TaskQueues.EMBEDDING, Duration.ofMinutes(1))),
          Workflow.newActivityStub(
              IngestStoreActivities.class,
              ActivityOptions.newBuilder()
                  .setTaskQueue(TaskQueues.INGEST)
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setRetryOptions(RETRY)
                  .build()));

  private IngestStage stage = IngestStage.QUEUED;
  private String latestHash;
  private long latestRevision;

  @Override
  public IngestResult ingest(IngestRequest request) {
    // A signal may have arrived before this method started (signal-with-start), possibly a late one
    // of older content: the request's content stands unless the run already knows a newer revision.
    if (latestHash == null || request.revision() > latestRevision) {
      latestHash = request.contentHash();
      latestRevision = request.revision();
    }
    VideoRef ref = new VideoRef(request.videoId(), request.contentHash());
    IngestSteps steps =
        Workflow.getVersion(LOCAL_STEPS_CHANGE, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
            ? remoteSteps
            : localSteps;
    try {
      stage = IngestStage.TAGGING;
      TagExtraction extraction = extractTags(ref);
      restartIfChanged(request);
      stage = IngestStage.NORMALISING;
      NormalisedTags tags = steps.normalisation().normaliseTags(ref, extraction);
      restartIfChanged(request);
      stage = IngestStage.EMBEDDING;
      VideoEmbedding vector = steps.embedding().embedVideo(ref);
      restartIfChanged(request);
      steps.store().storeResults(ref, tags, vector);
      stage = IngestStage.DONE;
      restartIfChanged(request);
      return new IngestResult(
          request.videoId(), request.contentHash(), IngestResult.Outcome.DONE,
          count(tags, TagKind.ITEM), count(tags, TagKind.AUDIENCE));
    } catch (ActivityFailure failure) {
      if (isSuperseded(failure)) {
        if (Workflow.getVersion(REREAD_ON_SUPERSEDED_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
          // What the video holds now is the truth, whatever the signals said or did not say.
          ContentRevision current = steps.store().currentContent(request.videoId());
          if (current != null) {
            latestHash = current.contentHash();
            latestRevision = Math.max(latestRevision, current.revision());
          }
        } else {
          // The upload that replaced the content signals this run; until it arrives, wait.
          Workflow.await(SUPERSEDED_GRACE, () -> !latestHash.equals(request.contentHash()));
        }
        restartIfChanged(request);
        return new IngestResult(
            request.videoId(), request.contentHash(), IngestResult.Outcome.SUPERSEDED, 0, 0);
      }
      if (Workflow.getVersion(RESTART_AFTER_FAILURE_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1) {
        // The failure was of content that is no longer the video's: ingest the new content.
        restartIfChanged(request);
      }
      IngestStage failedAt = stage;
      stage = IngestStage.FAILED;
      steps.store().markFailed(ref, storedReason(failedAt, failure));
      // The run's own failure keeps the root cause's text: operators read it in Temporal, users never do.
      throw ApplicationFailure.newNonRetryableFailureWithCause(
          "ingest of video " + request.videoId() + " failed: " + rootMessage(failure), "IngestFailed", failure);
    }
  }

  /**
   * Version 1 added the LLM tagger: both of the paper's calls in parallel on the LLM queue, and
   * the offline tagger with the reason when either still fails after its retries. Runs started
   * before it keep the offline-only path on replay.
   */
  private TagExtraction extractTags(VideoRef ref) {
    int version = Workflow.getVersion(LLM_TAGGING_CHANGE, Workflow.DEFAULT_VERSION, 1);
    if (version == Workflow.DEFAULT_VERSION) {
      return tagging.extractTags(ref);
    }
    TaggerPlan plan = planner.taggerPlan();
    if (!plan.llm()) {
      return tagging.extractTags(ref);
    }
    if (Workflow.getVersion(CREATOR_BUDGET_CHANGE, Workflow.DEFAULT_VERSION, 1) == 1
        && !budget.takeLlmTagging(ref)) {
      return tagging.fallbackTags(ref, CREATOR_BUDGET_REASON);
    }
    // Options come from the recorded plan, so this stub is built here and not as a field.
    LlmTaggingActivities llm = Workflow.newActivityStub(LlmTaggingActivities.class, llmOptions(plan));
    Promise<LlmTags> items = Async.function(llm::llmItemTags, ref);
    Promise<LlmTags> audiences = Async.function(llm::llmAudienceTags, ref);
    // Wait for both, so that no call is still running when the run moves on.
    ActivityFailure failure = null;
    LlmTags itemTags = null;
    LlmTags audienceTags = null;
    try {
      itemTags = items.get();
    } catch (ActivityFailure f) {
      failure = f;
    }
    try {
      audienceTags = audiences.get();
    } catch (ActivityFailure f) {
      failure = failure == null ? f : failure;
    }
    if (failure != null) {
      if (isSuperseded(failure)) {
        throw failure;
      }
      // A code, not the message: a provider's body never reaches the stored tags or the API.
      return tagging.fallbackTags(ref, "LLM tagging failed: " + TemporalLlmFailures.code(failure));
    }
    return new TagExtraction(
        itemTags.tags(), audienceTags.tags(), TaggerKind.LLM, itemTags.provider(), itemTags.model(),
        itemTags.promptVersion(), null);
  }

  /** A remote step on a CPU queue: it may wait there behind other videos' work. */
  /**
   * A step on a queue of its own. No schedule-to-start limit: under load the queue backs up, and a
   * video waiting its turn is not failed (with 10 minutes it was); six hours bound the whole step.
   */
  private static ActivityOptions queued(String taskQueue, Duration startToClose) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(taskQueue)
        .setScheduleToCloseTimeout(Duration.ofHours(6))
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RETRY)
        .build();
  }

  private static LocalActivityOptions localOptions(Duration startToClose) {
    return LocalActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setRetryOptions(RETRY)
        .build();
  }

  private static ActivityOptions llmOptions(TaggerPlan plan) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.LLM)
        .setScheduleToStartTimeout(Duration.ofMinutes(10))
        .setStartToCloseTimeout(Duration.ofMillis(plan.callTimeoutMillis()).plusSeconds(10))
        .setRetryOptions(TemporalLlmFailures.retryOptions(
            plan.retryPolicy(), IngestFailures.CONTENT_SUPERSEDED, IngestFailures.VIDEO_NOT_FOUND))
        .build();
  }

  @Override
  public void contentRevised(ContentRevision content) {
    if (latestHash == null || content.revision() > latestRevision) {
      latestHash = content.contentHash();
      latestRevision = content.revision();
    }
  }

  @Override
  public void contentChanged(String contentHash) {
    latestHash = contentHash;
  }

  @Override
  public String stage() {
    return stage.wireName();
  }

  private void restartIfChanged(IngestRequest request) {
    if (!latestHash.equals(request.contentHash())) {
      Workflow.continueAsNew(new IngestRequest(request.videoId(), latestHash, latestRevision));
    }
  }

  private static boolean isSuperseded(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure app
        && IngestFailures.CONTENT_SUPERSEDED.equals(app.getType());
  }

  /**
   * What the video's stored state says about a failure, which its creator reads: our own refusal
   * of the input in its words, anything else as the stage and a code (the failure's type, or
   * {@code Timeout}), never an exception's text, which may carry a provider's body, SQL or a path.
   */
  static String storedReason(IngestStage failedAt, ActivityFailure failure) {
    Throwable cause = failure.getCause();
    if (cause instanceof ApplicationFailure app && IngestFailures.INVALID_VIDEO.equals(app.getType())) {
      return app.getOriginalMessage();
    }
    String code;
    if (cause instanceof ApplicationFailure app && app.getType() != null) {
      code = app.getType().substring(app.getType().lastIndexOf('.') + 1);
    } else {
      code = cause instanceof TimeoutFailure ? "Timeout" : "Failed";
    }
    return failedAt.wireName() + " failed: " + code;
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure app ? app.getOriginalMessage() : cause.getMessage();
  }

  private static int count(NormalisedTags tags, TagKind kind) {
    return (int) tags.tags().stream().filter(t -> t.kind() == kind).map(t -> t.tagId()).distinct().count();
  }
}
