package io.tagcf.workflows.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.embedding.EmbeddingActivities;
import io.tagcf.activities.ingest.IngestFailures;
import io.tagcf.activities.ingest.IngestStoreActivities;
import io.tagcf.activities.llm.LlmBudgetActivities;
import io.tagcf.activities.llm.LlmFailure;
import io.tagcf.activities.llm.LlmTaggingActivities;
import io.tagcf.activities.llm.LlmTags;
import io.tagcf.activities.llm.TemporalLlmFailures;
import io.tagcf.activities.tagging.NormalisationActivities;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.activities.tagging.TaggerPlanActivities;
import io.tagcf.activities.tagging.TaggingActivities;
import io.tagcf.models.embedding.VideoEmbedding;
import io.tagcf.models.tags.NormalisedTag;
import io.tagcf.models.tags.NormalisedTags;
import io.tagcf.models.tags.RawTag;
import io.tagcf.models.tags.TagExtraction;
import io.tagcf.models.tags.TagKind;
import io.tagcf.models.tags.TaggerKind;
import io.tagcf.models.video.ContentRevision;
import io.tagcf.models.video.VideoRef;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.ingest.IngestRequest;
import io.tagcf.workflowapi.ingest.IngestResult;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import io.tagcf.workflows.RunStatus;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

/**
 * Every branch of {@link VideoIngestWorkflowImpl} against mocked activities on the time-skipping
 * test server: retries, grace periods and backoffs take no real time.
 *
 * <p>The timeout turns a restart or continue-as-new that loops for ever (the test clock stands
 * still then) into a failure instead of a hung build.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class VideoIngestWorkflowTest {

  static final Path RECORDED_BUDGET = Path.of("target", "replay", "video-ingest-llm-budget-v1.json");

  private static final String VIDEO_ID = "v-1001";
  private static final String HASH = "sha256:5f1c9a";
  private static final String NEW_HASH = "sha256:a7e204";
  private static final VideoRef REF = new VideoRef(VIDEO_ID, HASH);
  private static final VideoRef NEW_REF = new VideoRef(VIDEO_ID, NEW_HASH);

  private static final TagExtraction OFFLINE_TAGS =
      new TagExtraction(
          List.of(new RawTag("home cooking", TagKind.ITEM, 0.82), new RawTag("street food", TagKind.ITEM, 0.64)),
          List.of(new RawTag("food lovers", TagKind.AUDIENCE, 0.71)),
          TaggerKind.OFFLINE, "onnx", "bge-small-zh-v1.5", null, null);

  /** Two raw labels merged into tag 11: the result counts distinct tag ids, not rows. */
  private static final NormalisedTags NORMALISED =
      new NormalisedTags(
          List.of(
              new NormalisedTag(11, TagKind.ITEM, "cooking", "home cooking", 0.82, 0.91, false),
              new NormalisedTag(11, TagKind.ITEM, "cooking", "cooking at home", 0.60, 0.88, false),
              new NormalisedTag(12, TagKind.ITEM, "street-food", "street food", 0.64, 0.97, false),
              new NormalisedTag(31, TagKind.AUDIENCE, "foodies", "food lovers", 0.71, 0.86, false)),
          TaggerKind.OFFLINE, "onnx", "bge-small-zh-v1.5", null, null);

  private static final VideoEmbedding VECTOR =
      new VideoEmbedding("bge-small-zh-v1.5", 4, new float[] {0.5f, -0.5f, 0.5f, 0.5f});

  /** Three attempts per LLM call, one second apart at first, as an LLM deployment configures it. */
  private static final TaggerPlan LLM_PLAN = new TaggerPlan(true, 3, 1_000, 30_000);

  private static final LlmTags LLM_ITEMS =
      new LlmTags(
          List.of(new RawTag("wok cooking", TagKind.ITEM, 0.9), new RawTag("night market", TagKind.ITEM, 0.7)),
          "deepseek", "deepseek-chat", "video-tags-v3");
  private static final LlmTags LLM_AUDIENCES =
      new LlmTags(
          List.of(new RawTag("home cooks", TagKind.AUDIENCE, 0.8)), "deepseek", "deepseek-chat", "video-tags-v3");

  private static final TagExtraction FALLBACK_TAGS =
      new TagExtraction(
          OFFLINE_TAGS.itemTags(), OFFLINE_TAGS.audienceTags(), TaggerKind.FALLBACK, "onnx", "bge-small-zh-v1.5",
          null, "LLM tagging failed");

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow =
      TestWorkflowExtension.newBuilder()
          .registerWorkflowImplementationTypes(VideoIngestWorkflowImpl.class)
          .setDoNotStart(true)
          .build();

  private final TaggerPlanActivities planner = mock(TaggerPlanActivities.class, withSettings().withoutAnnotations());
  private final TaggingActivities tagging = mock(TaggingActivities.class, withSettings().withoutAnnotations());
  private final LlmTaggingActivities llm = mock(LlmTaggingActivities.class, withSettings().withoutAnnotations());
  private final LlmBudgetActivities budget = mock(LlmBudgetActivities.class, withSettings().withoutAnnotations());
  private final NormalisationActivities normalisation =
      mock(NormalisationActivities.class, withSettings().withoutAnnotations());
  private final EmbeddingActivities embedding = mock(EmbeddingActivities.class, withSettings().withoutAnnotations());
  private final IngestStoreActivities store = mock(IngestStoreActivities.class, withSettings().withoutAnnotations());

  /** A run that every activity lets through; each test changes only what its branch needs. */
  @BeforeEach
  void happyActivities() {
    when(planner.taggerPlan()).thenReturn(TaggerPlan.offline());
    when(budget.takeLlmTagging(any())).thenReturn(true);
    when(tagging.extractTags(any())).thenReturn(OFFLINE_TAGS);
    when(tagging.fallbackTags(any(), anyString())).thenReturn(FALLBACK_TAGS);
    when(llm.llmItemTags(any())).thenReturn(LLM_ITEMS);
    when(llm.llmAudienceTags(any())).thenReturn(LLM_AUDIENCES);
    when(normalisation.normaliseTags(any(), any())).thenReturn(NORMALISED);
    when(embedding.embedVideo(any())).thenReturn(VECTOR);
  }

  @Test
  void offlinePlanStoresTheVideoAndCountsDistinctTagIdsPerKind(TestWorkflowEnvironment testEnv, Worker worker) {
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, HASH, IngestResult.Outcome.DONE, 2, 1));
    assertThat(workflow.stage()).isEqualTo("done");
    verify(normalisation).normaliseTags(REF, OFFLINE_TAGS);
    ArgumentCaptor<VideoEmbedding> stored = ArgumentCaptor.forClass(VideoEmbedding.class);
    verify(store).storeResults(eq(REF), eq(NORMALISED), stored.capture());
    // The vector crossed the data converter, so compare its content, not the array instance.
    assertThat(stored.getValue().vector()).containsExactly(VECTOR.vector());
    verifyNoInteractions(llm);
    verifyNoInteractions(budget);
    verify(store, never()).markFailed(any(), anyString());
  }

  @Test
  void llmPlanTakesTheCreatorsBudgetBeforeTheCalls(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    InOrder order = inOrder(budget, llm);
    order.verify(budget).takeLlmTagging(REF);
    order.verify(llm).llmItemTags(REF);
    verify(budget, times(1)).takeLlmTagging(any());
  }

  @Test
  void aCreatorPastTheDaysBudgetIsTaggedOfflineWithTheReason(TestWorkflowEnvironment testEnv, Worker worker)
      throws IOException {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(budget.takeLlmTagging(any())).thenReturn(false);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verifyNoInteractions(llm);
    verify(tagging).fallbackTags(REF, "creator-budget");
    verify(normalisation).normaliseTags(REF, FALLBACK_TAGS);
    // Kept for the replay test (src/test/resources/histories/video-ingest-llm-budget-v1.json).
    WorkflowExecutionHistory history =
        testEnv.getWorkflowClient().fetchHistory(VideoIngestWorkflow.workflowId(VIDEO_ID));
    Files.createDirectories(RECORDED_BUDGET.getParent());
    Files.writeString(RECORDED_BUDGET, history.toJson(true));
  }

  @Test
  void llmPlanNormalisesTheTagsOfBothCallsWithTheirProvenance(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verify(normalisation)
        .normaliseTags(
            REF,
            new TagExtraction(
                LLM_ITEMS.tags(), LLM_AUDIENCES.tags(), TaggerKind.LLM, "deepseek", "deepseek-chat", "video-tags-v3",
                null));
    verify(tagging, never()).extractTags(any());
    verify(tagging, never()).fallbackTags(any(), anyString());
  }

  @Test
  void llmCallRejectedFallsBackToTheOfflineTaggerAfterOneAttempt(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(llm.llmItemTags(any()))
        .thenThrow(llmFailure(LlmFailure.Kind.REQUEST_REJECTED, "prompt exceeds the context window"));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verify(llm, times(1)).llmItemTags(REF);
    verify(llm).llmAudienceTags(REF);
    // The failure's code only: the provider's words stay out of the stored tags.
    verify(tagging).fallbackTags(REF, "LLM tagging failed: LlmRequestRejected");
    verify(normalisation).normaliseTags(REF, FALLBACK_TAGS);
  }

  @Test
  void llmCallFailingOnEveryAttemptFallsBackOnceThePlansAttemptsAreSpent(
      TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(llm.llmAudienceTags(any())).thenThrow(llmFailure(LlmFailure.Kind.TRANSIENT, "provider answered 503"));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verify(llm, times(LLM_PLAN.maxAttempts())).llmAudienceTags(REF);
    ArgumentCaptor<String> reason = ArgumentCaptor.forClass(String.class);
    verify(tagging).fallbackTags(eq(REF), reason.capture());
    assertThat(reason.getValue()).isEqualTo("LLM tagging failed: LlmTransient");
    verify(normalisation).normaliseTags(REF, FALLBACK_TAGS);
  }

  @Test
  void llmFallbackWaitsForTheOtherCallToFinish(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(llm.llmItemTags(any())).thenThrow(llmFailure(LlmFailure.Kind.UNAUTHORISED, "key lacks access to the model"));
    // Still running when the item call has failed: its second attempt waits out a backoff.
    when(llm.llmAudienceTags(any()))
        .thenThrow(llmFailure(LlmFailure.Kind.RATE_LIMITED, "429 too many requests"))
        .thenReturn(LLM_AUDIENCES);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    InOrder order = inOrder(llm, tagging);
    order.verify(llm, times(2)).llmAudienceTags(REF);
    order.verify(tagging).fallbackTags(REF, "LLM tagging failed: LlmUnauthorised");
  }

  @Test
  void llmCallSupersededIsNotTurnedIntoAFallback(TestWorkflowEnvironment testEnv, Worker worker) {
    when(planner.taggerPlan()).thenReturn(LLM_PLAN);
    when(llm.llmItemTags(any())).thenThrow(IngestFailures.superseded(VIDEO_ID));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, HASH, IngestResult.Outcome.SUPERSEDED, 0, 0));
    verify(llm, times(1)).llmItemTags(REF);
    verify(tagging, never()).fallbackTags(any(), anyString());
    verifyNoInteractions(normalisation);
    verify(store, never()).markFailed(any(), anyString());
  }

  @Test
  void supersededStepReadsTheCurrentContentAndContinuesOnItWithoutASignal(
      TestWorkflowEnvironment testEnv, Worker worker) {
    // The upload that replaced the content never signalled this run (its signal failed).
    doThrow(IngestFailures.superseded(VIDEO_ID)).when(store).storeResults(eq(REF), any(), any());
    when(store.currentContent(VIDEO_ID)).thenReturn(new ContentRevision(NEW_HASH, 2));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowExecution firstRun = WorkflowClient.start(workflow::ingest, new IngestRequest(VIDEO_ID, HASH, 1));

    IngestResult result = WorkflowStub.fromTyped(workflow).getResult(IngestResult.class);

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, NEW_HASH, IngestResult.Outcome.DONE, 2, 1));
    assertThat(RunStatus.of(testEnv, firstRun))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    verify(store).storeResults(eq(NEW_REF), eq(NORMALISED), any());
    verify(store, never()).markFailed(any(), anyString());
  }

  @Test
  void signalsOfTwoUploadsArrivingOutOfOrderEndOnTheNewerContent(TestWorkflowEnvironment testEnv, Worker worker) {
    String newest = "sha256:0b9d11";
    // The first upload's run is tagging when revisions 3 and then 2 arrive: 2 is news of older content.
    when(tagging.extractTags(REF)).thenAnswer(call -> {
      VideoIngestWorkflow running = testEnv.getWorkflowClient()
          .newWorkflowStub(VideoIngestWorkflow.class, VideoIngestWorkflow.workflowId(VIDEO_ID));
      running.contentRevised(new ContentRevision(newest, 3));
      running.contentRevised(new ContentRevision(NEW_HASH, 2));
      return OFFLINE_TAGS;
    });
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH, 1));

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, newest, IngestResult.Outcome.DONE, 2, 1));
    verify(tagging, never()).extractTags(NEW_REF);
    verify(store).storeResults(eq(new VideoRef(VIDEO_ID, newest)), eq(NORMALISED), any());
  }

  /** The signal of gateways before revisions still moves a run to the new content. */
  @Test
  void contentChangedDuringTheRunContinuesAsNewOnTheNewHash(TestWorkflowEnvironment testEnv, Worker worker) {
    // The re-upload arrives while the old content is being tagged.
    when(tagging.extractTags(REF))
        .thenAnswer(call -> {
          testEnv.getWorkflowClient()
              .newWorkflowStub(VideoIngestWorkflow.class, VideoIngestWorkflow.workflowId(VIDEO_ID))
              .contentChanged(NEW_HASH);
          return OFFLINE_TAGS;
        });
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);
    WorkflowExecution firstRun = WorkflowClient.start(workflow::ingest, new IngestRequest(VIDEO_ID, HASH));

    IngestResult result = WorkflowStub.fromTyped(workflow).getResult(IngestResult.class);

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, NEW_HASH, IngestResult.Outcome.DONE, 2, 1));
    assertThat(RunStatus.of(testEnv, firstRun))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW);
    verify(tagging).extractTags(NEW_REF);
    verify(normalisation, never()).normaliseTags(eq(REF), any());
    verify(normalisation).normaliseTags(NEW_REF, OFFLINE_TAGS);
    verify(store).storeResults(eq(NEW_REF), eq(NORMALISED), any());
  }

  @Test
  void aSupersededRunOfAVideoThatIsGoneEndsSuperseded(TestWorkflowEnvironment testEnv, Worker worker) {
    doThrow(IngestFailures.superseded(VIDEO_ID)).when(store).storeResults(eq(REF), any(), any());
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH, 1));

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, HASH, IngestResult.Outcome.SUPERSEDED, 0, 0));
    verify(store).currentContent(VIDEO_ID);
    verify(store, never()).markFailed(any(), anyString());
  }

  @Test
  void contentChangedBeforeAFailingStepEndsContinuesAsNewOnTheNewHash(
      TestWorkflowEnvironment testEnv, Worker worker) {
    // The re-upload arrives while the tagger is failing on the old content.
    when(tagging.extractTags(REF))
        .thenAnswer(call -> {
          testEnv.getWorkflowClient()
              .newWorkflowStub(VideoIngestWorkflow.class, VideoIngestWorkflow.workflowId(VIDEO_ID))
              .contentChanged(NEW_HASH);
          throw IngestFailures.invalid(VIDEO_ID, "no title, description or transcript");
        });
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result).isEqualTo(new IngestResult(VIDEO_ID, NEW_HASH, IngestResult.Outcome.DONE, 2, 1));
  }

  @Test
  void failingStepMarksTheVideoFailedAndFailsTheRunAsIngestFailed(TestWorkflowEnvironment testEnv, Worker worker) {
    when(embedding.embedVideo(any()))
        .thenThrow(IngestFailures.invalid(VIDEO_ID, "no title, description or transcript"));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    assertThatThrownBy(() -> workflow.ingest(new IngestRequest(VIDEO_ID, HASH)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
          assertThat(failure.getType()).isEqualTo("IngestFailed");
          assertThat(failure.isNonRetryable()).isTrue();
          assertThat(failure.getOriginalMessage())
              .isEqualTo("ingest of video v-1001 failed: "
                  + "video v-1001 cannot be ingested: no title, description or transcript");
        });
    verify(store).markFailed(REF, "video v-1001 cannot be ingested: no title, description or transcript");
    verify(store, never()).storeResults(any(), any(), any());
    assertThat(workflow.stage()).isEqualTo("failed");
  }

  @Test
  void aFailureOtherThanOurOwnRefusalIsStoredAsItsStageAndCodeNeverItsText(TestWorkflowEnvironment testEnv,
      Worker worker) {
    when(tagging.extractTags(any()))
        .thenThrow(new IllegalArgumentException("cannot tag video v-1001", new IOException("transcript is not UTF-8")));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    assertThatThrownBy(() -> workflow.ingest(new IngestRequest(VIDEO_ID, HASH)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, failure -> assertThat(failure.getOriginalMessage())
            .as("operators still read the cause in Temporal").endsWith("transcript is not UTF-8"));
    verify(store).markFailed(REF, "tagging failed: IllegalArgumentException");
  }

  /**
   * Thrown as retryable by the activity, so only the workflow's retry options can stop the retries.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {IngestFailures.INVALID_VIDEO, IngestFailures.VIDEO_NOT_FOUND, "java.lang.IllegalArgumentException"})
  void failureTypesTheWorkflowListsAsNonRetryableAreAttemptedOnce(
      String type, TestWorkflowEnvironment testEnv, Worker worker) {
    when(tagging.extractTags(any())).thenThrow(ApplicationFailure.newFailure("video v-1001 is unusable", type));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    assertThatThrownBy(() -> workflow.ingest(new IngestRequest(VIDEO_ID, HASH)))
        .isInstanceOf(WorkflowFailedException.class);
    verify(tagging, times(1)).extractTags(REF);
    // Our own refusal of the input keeps its words; anything else is stored as its code.
    verify(store).markFailed(REF, type.equals(IngestFailures.INVALID_VIDEO) ? "video v-1001 is unusable"
        : "tagging failed: " + type.substring(type.lastIndexOf('.') + 1));
  }

  @Test
  void retryableFailureIsRetriedUpToFifteenAttempts(TestWorkflowEnvironment testEnv, Worker worker) {
    when(tagging.extractTags(any()))
        .thenThrow(ApplicationFailure.newFailure("tagger model is loading", "TaggerBusy"));
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    assertThatThrownBy(() -> workflow.ingest(new IngestRequest(VIDEO_ID, HASH)))
        .isInstanceOf(WorkflowFailedException.class);
    verify(tagging, times(15)).extractTags(REF);
    verify(store).markFailed(REF, "tagging failed: TaggerBusy");
  }

  @Test
  void aDatabaseOutageOfSomeMinutesIsWaitedOut(TestWorkflowEnvironment testEnv, Worker worker) {
    // Eleven failed attempts: 1 + 2 + 4 + 8 + 16 + 30 x 6 s, over three minutes of outage. (The
    // tagging step, whose retries are server timers the test clock skips; the local steps have the
    // same options.)
    ApplicationFailure down = ApplicationFailure.newFailure("Connection refused", "io.tagcf.store.StoreException");
    when(tagging.extractTags(any()))
        .thenThrow(down, down, down, down, down, down, down, down, down, down, down)
        .thenReturn(OFFLINE_TAGS);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verify(tagging, times(12)).extractTags(REF);
    verify(store, never()).markFailed(any(), anyString());
  }

  @Test
  void aFailureIsRecordedEvenWhenTheDatabaseIsDownForLonger(TestWorkflowEnvironment testEnv, Worker worker) {
    when(embedding.embedVideo(any())).thenThrow(IngestFailures.invalid(VIDEO_ID, "no title, description or transcript"));
    ApplicationFailure down = ApplicationFailure.newFailure("Connection refused", "io.tagcf.store.StoreException");
    // Sixteen failed attempts while the failure is being recorded: more than a step's fifteen.
    doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down)
        .doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down).doThrow(down)
        .doThrow(down).doThrow(down).doNothing()
        .when(store).markFailed(any(), anyString());
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    assertThatThrownBy(() -> workflow.ingest(new IngestRequest(VIDEO_ID, HASH)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("IngestFailed"));
    verify(store, times(17)).markFailed(REF, "video v-1001 cannot be ingested: no title, description or transcript");
  }

  @Test
  void retryableFailureThatClearsLetsTheRunComplete(TestWorkflowEnvironment testEnv, Worker worker) {
    when(tagging.extractTags(any()))
        .thenThrow(ApplicationFailure.newFailure("tagger model is loading", "TaggerBusy"))
        .thenThrow(ApplicationFailure.newFailure("tagger model is loading", "TaggerBusy"))
        .thenReturn(OFFLINE_TAGS);
    VideoIngestWorkflow workflow = startWorkers(testEnv, worker);

    IngestResult result = workflow.ingest(new IngestRequest(VIDEO_ID, HASH));

    assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.DONE);
    verify(tagging, times(3)).extractTags(REF);
    verify(store, never()).markFailed(any(), anyString());
  }

  /**
   * Registers the mocks where the deployment runs them: the plan and the local steps on the
   * workflow's worker, tagging and the LLM calls on their own task queues. Stub before this:
   * activities may run as soon as the environment starts.
   */
  private VideoIngestWorkflow startWorkers(TestWorkflowEnvironment testEnv, Worker worker) {
    worker.registerActivitiesImplementations(planner, budget, normalisation, embedding, store);
    testEnv.newWorker(TaskQueues.TAGGING).registerActivitiesImplementations(tagging);
    testEnv.newWorker(TaskQueues.LLM).registerActivitiesImplementations(llm);
    testEnv.start();
    return testEnv.getWorkflowClient()
        .newWorkflowStub(
            VideoIngestWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(VideoIngestWorkflow.workflowId(VIDEO_ID))
                .setTaskQueue(worker.getTaskQueue())
                .build());
  }

  private static ApplicationFailure llmFailure(LlmFailure.Kind kind, String message) {
    return TemporalLlmFailures.toApplicationFailure(LlmFailure.of(kind, message));
  }
}
