package io.tagcf.workflows.explanations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.tagcf.activities.explanations.ExplanationActivities;
import io.tagcf.activities.explanations.ExplanationOutcome;
import io.tagcf.activities.explanations.ExplanationPlan;
import io.tagcf.activities.explanations.ExplanationTarget;
import io.tagcf.activities.explanations.FinishRequest;
import io.tagcf.activities.tagging.TaggerPlan;
import io.tagcf.models.explanations.EvidenceFixtures;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsProgress;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsRequest;
import io.tagcf.workflowapi.explanations.SnapshotExplanationsWorkflow;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The post-snapshot fan-out against mocked activities: every page, every language, each
 * explanation once, bounded parallelism, and continue-as-new across pages.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotExplanationsWorkflowTest {

  private static final long SNAPSHOT = 7;

  @RegisterExtension
  static final TestWorkflowExtension testWorkflow = TestWorkflowExtension.newBuilder()
      .registerWorkflowImplementationTypes(SnapshotExplanationsWorkflowImpl.class)
      .setDoNotStart(true)
      .build();

  private final ExplanationActivities steps = mock(ExplanationActivities.class, withSettings().withoutAnnotations());
  private final Set<String> stored = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();

  @Test
  void everyVideoWithEffectsIsExplainedInEveryLanguageOnceAndPagesContinueAsNew(TestWorkflowEnvironment env) {
    // Six pages of one or two videos: more than one run's worth, so the chain continues as new.
    List<List<String>> pages = List.of(List.of("a", "b"), List.of("c"), List.of("d", "e"), List.of("f"),
        List.of("g"), List.of("h"), List.of());
    when(steps.videosToExplain(eq(SNAPSHOT), isNull(), anyInt())).thenReturn(pages.get(0));
    for (int p = 1; p < pages.size(); p++) {
      List<String> previous = pages.get(p - 1);
      when(steps.videosToExplain(SNAPSHOT, previous.get(previous.size() - 1), 2)).thenReturn(pages.get(p));
    }
    // A creator asked for b in English before the snapshot's fan-out came to it.
    stored.add("b/en");
    when(steps.planExplanation(any())).thenAnswer(call -> plan(call.getArgument(0)));
    when(steps.finishExplanation(any())).thenAnswer(call -> finish(call.getArgument(0)));

    SnapshotExplanationsProgress done = start(env).explainSnapshot(
        new SnapshotExplanationsRequest(SNAPSHOT, List.of("zh", "en"), 2, 3, SnapshotExplanationsProgress.start(SNAPSHOT)));

    assertThat(done).isEqualTo(new SnapshotExplanationsProgress(SNAPSHOT, "h", 8, 15, 1, 0, true));
    assertThat(stored).hasSize(16);
    verify(steps, times(15)).finishExplanation(any());
    assertThat(mostInFlight.get()).isBetween(1, 3);
  }

  @Test
  void aSnapshotWithoutVideosEndsAtOnce(TestWorkflowEnvironment env) {
    when(steps.videosToExplain(anyLong(), any(), anyInt())).thenReturn(List.of());

    SnapshotExplanationsProgress done = start(env).explainSnapshot(SnapshotExplanationsRequest.of(SNAPSHOT));

    assertThat(done).isEqualTo(new SnapshotExplanationsProgress(SNAPSHOT, null, 0, 0, 0, 0, true));
    verify(steps, never()).planExplanation(any());
  }

  private ExplanationPlan plan(ExplanationTarget t) {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    String key = t.videoId() + "/" + t.language();
    ExplanationOutcome existing = stored.contains(key)
        ? new ExplanationOutcome(t.videoId(), t.snapshotId(), t.language(), false, "template", true, "none") : null;
    if (existing != null) {
      inFlight.decrementAndGet();
    }
    return new ExplanationPlan(t, existing, existing == null ? EvidenceFixtures.cooking() : null, TaggerPlan.offline());
  }

  private ExplanationOutcome finish(FinishRequest r) {
    ExplanationTarget t = r.target();
    stored.add(t.videoId() + "/" + t.language());
    inFlight.decrementAndGet();
    return new ExplanationOutcome(t.videoId(), t.snapshotId(), t.language(), true, "template", true, "none");
  }

  private SnapshotExplanationsWorkflow start(TestWorkflowEnvironment env) {
    Worker explanations = env.newWorker(TaskQueues.EXPLANATIONS);
    explanations.registerWorkflowImplementationTypes(SnapshotExplanationsWorkflowImpl.class,
        ExplanationWorkflowImpl.class);
    explanations.registerActivitiesImplementations(steps);
    env.start();
    return env.getWorkflowClient().newWorkflowStub(SnapshotExplanationsWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(SnapshotExplanationsWorkflow.workflowId(SNAPSHOT))
        .setTaskQueue(TaskQueues.EXPLANATIONS)
        .build());
  }
}
