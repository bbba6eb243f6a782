package io.tagcf.workflows.explanations;

import io.tagcf.activities.explanations.ExplanationActivities;
import io.tagcf.activities.explanations.ExplanationActivitiesImpl;
import io.tagcf.activities.explanations.ExplanationOutcome;
import io.tagcf.activities.explanations.ExplanationPlan;
import io.tagcf.activities.explanations.ExplanationTarget;
import io.tagcf.activities.explanations.FinishRequest;
import io.tagcf.activities.explanations.LlmDraft;
import io.tagcf.activities.explanations.LlmExplanationActivities;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.tagcf.workflowapi.explanations.ExplanationResult;
import io.tagcf.workflowapi.explanations.ExplanationWorkflow;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Orchestration only: plan (stored already? the evidence otherwise), the LLM's draft when one is
 * configured, then verify-and-store, which answers with the template when the draft failed or was
 * rejected. The LLM's failure never fails the run: the creator gets the template's explanation.
 */
public final class ExplanationWorkflowImpl implements ExplanationWorkflow {

  private final ExplanationActivities steps = Workflow.newActivityStub(ExplanationActivities.class,
      ActivityOptions.newBuilder()
          .setTaskQueue(TaskQueues.EXPLANATIONS)
          .setScheduleToStartTimeout(Duration.ofHours(1))
          .setStartToCloseTimeout(Duration.ofMinutes(2))
          .setRetryOptions(RetryOptions.newBuilder()
              .setInitialInterval(Duration.ofSeconds(1))
              .setBackoffCoefficient(2)
              .setMaximumInterval(Duration.ofMinutes(1))
              .setMaximumAttempts(8)
              .setDoNotRetry(ExplanationActivitiesImpl.NOT_EXPLAINABLE)
              .build())
          .build());

  @Override
  public ExplanationResult explain(ExplanationRequest request) {
    ExplanationPlan plan;
    try {
      plan = steps.planExplanation(new ExplanationTarget(request.videoId(), request.snapshotId(), request.language()));
    } catch (ActivityFailure f) {
      if (f.getCause() instanceof ApplicationFailure a && ExplanationActivitiesImpl.NOT_EXPLAINABLE.equals(a.getType())) {
        return ExplanationResult.notExplainable(request, a.getOriginalMessage());
      }
      throw f;
    }
    if (plan.existing() != null) {
      return result(plan.existing());
    }
    LlmDraft draft = null;
    String llmFailure = null;
    if (plan.llm().llm()) {
      // Options come from the recorded plan, so this stub is built here and not as a field.
      LlmExplanationActivities llm = Workflow.newActivityStub(LlmExplanationActivities.class, llmOptions(plan.llm()));
      try {
        draft = llm.draftExplanation(plan.evidence(), request.language());
      } catch (ActivityFailure f) {
        llmFailure = TemporalLlmFailures.code(f);
      }
    }
    return result(steps.finishExplanation(new FinishRequest(plan.target(), plan.evidence(), draft, llmFailure)));
  }

  private static ExplanationResult result(ExplanationOutcome o) {
    return new ExplanationResult(o.videoId(), o.snapshotId(), o.language(),
        o.created() ? ExplanationResult.CREATED : ExplanationResult.EXISTING, o.writer(), o.verified(), o.llmOutcome(),
        null);
  }

  private static ActivityOptions llmOptions(TaggerPlan plan) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(TaskQueues.LLM)
        .setScheduleToStartTimeout(Duration.ofMinutes(30))
        .setStartToCloseTimeout(Duration.ofMillis(plan.callTimeoutMillis()).plusSeconds(10))
        .setRetryOptions(TemporalLlmFailures.retryOptions(plan.retryPolicy()))
        .build();
  }
}
