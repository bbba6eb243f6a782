package io.tagcf.workflows.explanations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.explanations.ExplanationActivities;
import io.tagcf.activities.explanations.ExplanationActivitiesImpl;
import io.tagcf.activities.explanations.ExplanationOutcome;
import io.tagcf.activities.explanations.ExplanationPlan;
import io.tagcf.activities.explanations.ExplanationTarget;
import io.tagcf.activities.explanations.FinishRequest;
import io.tagcf.activities.explanations.LlmDraft;
import io.tagcf.activities.explanations.LlmExplanationActivities;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.models.explanations.Evidence;
import io.tagcf.models.explanations.EvidenceFixtures;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import io.tagcf.workflowapi.explanations.ExplanationResult;
import io.tagcf.workflowapi.explanations.ExplanationWorkflow;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * Every branch of {@link ExplanationWorkflowImpl} against mocked activities on the time-skipping
 * test server, on the queues as deployed: the LLM's draft on the LLM queue, the rest on the
 * explanations queue.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExplanationWorkflowTest {

  static final Path RECORDED = Path.of("target", "replay", "explanation-llm-passed.json");
  private static final Evidence EVIDENCE = EvidenceFixtures.cooking();
  private static final ExplanationTarget LATEST = new ExplanationTarget("v-cook-1", 0, "zh");
  private static final ExplanationTarget RESOLVED = new ExplanationTarget("v-cook-1", 7, "zh");
  private static final TaggerPlan LLM = new TaggerPlan(true, 3, 1_000, 30_000);
  private static final LlmDraft DRAFT =
      new LlmDraft(EvidenceFixtures.faithfulChinese(), "openai", "qwen2.5", "explain-v1");

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(ExplanationWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final ExplanationActivities steps = mock(ExplanationActivities.class, withSettings().withoutAnnotations());
  private final LlmExplanationActivities llm = mock(LlmExplanationActivities.class, withSettings().withoutAnnotations());

  @Test
  void withoutAnLlmTheTemplateWritesOnDemand(TestWorkflowEnvironment env) {
    when(steps.planExplanation(LATEST)).thenReturn(new ExplanationPlan(RESOLVED, null, EVIDENCE, TaggerPlan.offline()));
    when(steps.finishExplanation(any())).thenReturn(outcome(true, "template", "none"));

    ExplanationResult result = start(env).explain(new ExplanationRequest("v-cook-1", 0, "zh"));

    assertThat(result).isEqualTo(new ExplanationResult("v-cook-1", 7, "zh", "created", "template", true, "none", null));
    verify(steps).finishExplanation(new FinishRequest(RESOLVED, EVIDENCE, null, null));
    verify(llm, never()).draftExplanation(any(), anyString());
  }

  @Test
  void theLlmsDraftGoesToVerificationOnTheLlmQueue(TestWorkflowEnvironment env) throws Exception {
    when(steps.planExplanation(LATEST)).thenReturn(new ExplanationPlan(RESOLVED, null, EVIDENCE, LLM));
    when(llm.draftExplanation(EVIDENCE, "zh")).thenReturn(DRAFT);
    when(steps.finishExplanation(any())).thenReturn(outcome(true, "llm", "passed"));

    ExplanationWorkflow workflow = start(env);
    WorkflowExecution run = WorkflowClient.start(workflow::explain, new ExplanationRequest("v-cook-1", 0, "zh"));
    ExplanationResult result = WorkflowStub.fromTyped(workflow).getResult(ExplanationResult.class);

    assertThat(result.writer()).isEqualTo("llm");
    verify(steps).finishExplanation(new FinishRequest(RESOLVED, EVIDENCE, DRAFT, null));
    WorkflowExecutionHistory history = env.getWorkflowClient().fetchHistory(run.getWorkflowId(), run.getRunId());
    Files.createDirectories(RECORDED.getParent());
    Files.writeString(RECORDED, history.toJson(true));
  }

  @Test
  void anLlmThatKeepsFailingIsRetriedByThePlanThenTheTemplateAnswers(TestWorkflowEnvironment env) {
    when(steps.planExplanation(LATEST)).thenReturn(new ExplanationPlan(RESOLVED, null, EVIDENCE, LLM));
    when(llm.draftExplanation(EVIDENCE, "zh"))
        .thenThrow(ApplicationFailure.newFailure("HTTP 503", "LlmTransient"));
    when(steps.finishExplanation(any())).thenReturn(outcome(true, "template", "failed"));

    ExplanationResult result = start(env).explain(new ExplanationRequest("v-cook-1", 0, "zh"));

    assertThat(result.status()).isEqualTo("created");
    verify(llm, times(3)).draftExplanation(EVIDENCE, "zh");
    verify(steps).finishExplanation(new FinishRequest(RESOLVED, EVIDENCE, null, "LlmTransient"));
  }

  @Test
  void aRefusedLlmCallIsNotRetriedAndTheTemplateAnswers(TestWorkflowEnvironment env) {
    when(steps.planExplanation(LATEST)).thenReturn(new ExplanationPlan(RESOLVED, null, EVIDENCE, LLM));
    when(llm.draftExplanation(EVIDENCE, "zh"))
        .thenThrow(ApplicationFailure.newNonRetryableFailure("HTTP 401", "LlmUnauthorised"));
    when(steps.finishExplanation(any())).thenReturn(outcome(true, "template", "failed"));

    start(env).explain(new ExplanationRequest("v-cook-1", 0, "zh"));

    verify(llm, times(1)).draftExplanation(EVIDENCE, "zh");
    ArgumentCaptor<FinishRequest> finish = ArgumentCaptor.forClass(FinishRequest.class);
    verify(steps).finishExplanation(finish.capture());
    assertThat(finish.getValue().llmFailure()).isEqualTo("LlmUnauthorised");
    assertThat(finish.getValue().draft()).isNull();
  }

  @Test
  void aStoredExplanationIsReportedAndNeverWrittenAgain(TestWorkflowEnvironment env) {
    ExplanationOutcome stored = outcome(false, "llm", "passed");
    when(steps.planExplanation(LATEST)).thenReturn(new ExplanationPlan(RESOLVED, stored, null, LLM));

    ExplanationResult result = start(env).explain(new ExplanationRequest("v-cook-1", 0, "zh"));

    assertThat(result).isEqualTo(new ExplanationResult("v-cook-1", 7, "zh", "existing", "llm", true, "passed", null));
    verify(llm, never()).draftExplanation(any(), anyString());
    verify(steps, never()).finishExplanation(any());
  }

  @Test
  void aMissingVideoOrSnapshotEndsTheRunWithTheReasonAndNoRetry(TestWorkflowEnvironment env) {
    when(steps.planExplanation(LATEST)).thenThrow(ApplicationFailure.newNonRetryableFailure(
        "no effect snapshot has been published yet", ExplanationActivitiesImpl.NOT_EXPLAINABLE));

    ExplanationResult result = start(env).explain(new ExplanationRequest("v-cook-1", 0, "zh"));

    assertThat(result.status()).isEqualTo("not-explainable");
    assertThat(result.detail()).isEqualTo("no effect snapshot has been published yet");
    verify(steps, times(1)).planExplanation(LATEST);
    verify(steps, never()).finishExplanation(any());
  }

  private static ExplanationOutcome outcome(boolean created, String writer, String llmOutcome) {
    return new ExplanationOutcome("v-cook-1", 7, "zh", created, writer, true, llmOutcome);
  }

  private ExplanationWorkflow start(TestWorkflowEnvironment env) {
    Worker explanations = env.newWorker(TaskQueues.EXPLANATIONS);
    explanations.registerWorkflowImplementationTypes(ExplanationWorkflowImpl.class);
    explanations.registerActivitiesImplementations(steps);
    env.newWorker(TaskQueues.LLM).registerActivitiesImplementations(llm);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(ExplanationWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(ExplanationWorkflow.workflowId("v-cook-1", 0, "zh"))
        .setTaskQueue(TaskQueues.EXPLANATIONS)
        .build());
  }
}
