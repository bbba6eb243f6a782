package io.tagcf.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.ops.demo.SimulatedInteractions;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The effects pipeline on the real stack: a simulated world on catalog videos carrying real
 * vocabulary tags, its log loaded by the bulk loader, a snapshot run by the effect-estimation
 * workflow on the embedded Temporal server, and the published estimates checked against the
 * planted truth.
 */
class EffectSnapshotIntegrationTest {
  private static final Instant WINDOW_END = Instant.parse("2026-02-01T00:00:00Z");
  private static final int WINDOW_DAYS = 28;

  @Test
  void aSnapshotOfASimulatedWorldCoversThePlantedEffects() throws Exception {
    DevStack stack = TestStack.get();
    DataSource ds = stack.database().dataSource();
    List<CatalogVideo> catalog = SyntheticCatalog.draw(ds, "it-eff-", 2_000, 24, 5);
    Set<Long> coverSet = SyntheticCatalog.store(stack, catalog);
    assertThat(coverSet.size()).isGreaterThanOrEqualTo(8);

    SimulatedInteractions sim = SimulatedInteractions.load(ds, catalog, coverSet, 60_000, 900_000, 6, 5,
        WINDOW_END, WINDOW_DAYS, null);
    assertThat(sim.exposures().inserted()).isEqualTo(900_000);

    EffectEstimationWorkflow workflow = stack.temporal().client().newWorkflowStub(EffectEstimationWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(EffectEstimationWorkflow.ID_PREFIX + "it-" + System.nanoTime())
            .setTaskQueue(TaskQueues.EFFECTS)
            .setWorkflowExecutionTimeout(Duration.ofMinutes(10))
            .build());
    SnapshotResult result = workflow.estimate(new EffectRequest(WINDOW_END, WINDOW_DAYS,
        SimulatedInteractions.SEGMENTS, 3, EffectSettings.defaults(7)));
    assertThat(result.status()).as(String.valueOf(result.error())).isEqualTo("published");
    assertThat(workflow.progress().shardsDone()).isEqualTo(workflow.progress().shardsTotal());

    EffectReader reader = new EffectReader(ds);
    int cells = 0;
    int covered = 0;
    int zero = 0;
    int zeroSignificant = 0;
    Set<Long> sufficientTags = new HashSet<>();
    for (long tag : coverSet) {
      for (CellEstimate c : reader.tagEffects(result.snapshotId(), tag, null, null)) {
        TruthTable.Row truth = sim.truth(tag, c.segment(), c.outcome());
        if (c.status() != CellStatus.ESTIMATED || truth == null) {
          continue;
        }
        sufficientTags.add(tag);
        cells++;
        covered += c.aipw().ciLow() <= truth.att() && truth.att() <= c.aipw().ciHigh() ? 1 : 0;
        if (truth.zeroEffect()) {
          zero++;
          zeroSignificant += c.aipw().significant() ? 1 : 0;
        }
      }
    }
    double coverage = covered / (double) cells;
    System.out.printf("snapshot %d: %d estimated cells of %d tags, coverage %.3f, zero cells %d (significant %d)%n",
        result.snapshotId(), cells, sufficientTags.size(), coverage, zero, zeroSignificant);
    assertThat(cells).isGreaterThanOrEqualTo(100);
    assertThat(coverage).isGreaterThanOrEqualTo(0.90);
    assertThat(zero).isGreaterThanOrEqualTo(10);
    assertThat(zeroSignificant).isLessThanOrEqualTo(zero / 10);
  }
}
