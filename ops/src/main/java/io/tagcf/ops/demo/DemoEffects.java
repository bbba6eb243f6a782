package io.tagcf.ops.demo;

import io.tagcf.models.effects.CellEstimate;
import io.tagcf.models.effects.CellStatus;
import io.tagcf.models.effects.EffectSettings;
import io.tagcf.models.effects.VideoDesign;
import io.tagcf.models.interactions.Outcome;
import io.tagcf.models.simulation.TruthTable;
import io.tagcf.models.tags.TagKind;
import io.tagcf.ops.runtime.DevStack;
import io.tagcf.store.coverset.CoverSetRepository;
import io.tagcf.store.effects.EffectReader;
import io.tagcf.store.tags.TagRepository;
import io.tagcf.store.video.CatalogVideo;
import io.tagcf.store.video.VideoCatalog;
import io.tagcf.workflowapi.TaskQueues;
import io.tagcf.workflowapi.effects.EffectEstimationWorkflow;
import io.tagcf.workflowapi.effects.EffectRequest;
import io.tagcf.workflowapi.effects.SnapshotResult;
import io.tagcf.workflowapi.roles.UserRoleStatus;
import io.tagcf.workflowapi.roles.UserRoleWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The demo's effects section: makes the catalog large enough (simulated videos drawn from the
 * corpus's own tag combinations), plants effects on the cover-set tags and loads a simulated log,
 * refreshes user roles and the logic graph from it, runs a snapshot, and prints estimated against
 * true effects with the share of intervals that cover the truth.
 */
public final class DemoEffects {
  static final int CATALOG_VIDEOS = 3_000;
  static final int USERS = 50_000;
  static final long EXPOSURES = 1_500_000;
  static final int SEGMENTS = 6;
  static final int WINDOW_DAYS = 28;
  static final long SEED = 20261130L;
  private final DevStack stack;
  private final PrintStream out;

  public DemoEffects(DevStack stack, PrintStream out) {
    this.stack = stack;
    this.out = out;
  }

  /** Runs the section; false when a step did not complete (said on the way). */
  public boolean run(Duration timeout) throws InterruptedException {
    DataSource ds = stack.database().dataSource();
    WorkflowClient client = stack.temporal().client();
    out.println();
    out.println("== Effects: a simulated log on the corpus's tags, estimated and checked against the truth ==");
    VideoCatalog catalog = new VideoCatalog(ds);
    List<CatalogVideo> videos = catalog.read();
    if (videos.isEmpty()) {
      out.println("no tagged videos: nothing to simulate");
      return false;
    }
    int added = catalog.addSimulated(drawnFrom(videos, CATALOG_VIDEOS - videos.size()), "zh");
    if (added > 0 || videos.size() < CATALOG_VIDEOS) {
      videos = catalog.read();
    }
    out.printf("catalog: %d videos (%d tagged by the pipeline, the rest simulated from their tag combinations)%n",
        videos.size(), videos.stream().filter(v -> !v.videoId().startsWith("demo-sim-")).count());
    CoverSetRefresh.now(client, Duration.ofSeconds(120));
    Set<Long> tags = new LinkedHashSet<>(new CoverSetRepository(ds).latestMembers(TagKind.ITEM));
    if (tags.isEmpty()) {
      videos.forEach(v -> java.util.Arrays.stream(v.itemTagIds()).forEach(tags::add));
    }
    Instant windowEnd = Instant.now().truncatedTo(ChronoUnit.DAYS);
    long t0 = System.nanoTime();
    SimulatedInteractions sim = SimulatedInteractions.load(ds, videos, tags, USERS, EXPOSURES, SEGMENTS, SEED,
        windowEnd, WINDOW_DAYS, null);
    out.printf("interactions: %,d users and %,d exposures simulated, %,d new exposures loaded in %.1f s%s"
            + " (effects planted on %d cover-set tags, some exactly zero)%n",
        sim.users().read(), sim.exposures().read(), sim.exposures().inserted(), (System.nanoTime() - t0) / 1e9,
        sim.exposures().inserted() == 0 ? " (stored by an earlier run)" : "", tags.size());
    refreshRoles(client, timeout);
    SnapshotResult result = snapshot(client, windowEnd);
    if (!"published".equals(result.status())) {
      out.println("snapshot failed: " + result.error());
      return false;
    }
    report(ds, sim, tags, result);
    return true;
  }

  /** Simulated videos whose tag sets are the corpus's, resampled: some tags dropped, one borrowed. */
  static List<CatalogVideo> drawnFrom(List<CatalogVideo> corpus, int count) {
    SplittableRandom random = new SplittableRandom(SEED);
    List<CatalogVideo> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CatalogVideo base = corpus.get(random.nextInt(corpus.size()));
      List<Long> ids = new ArrayList<>();
      List<Double> scores = new ArrayList<>();
      for (int k = 0; k < base.itemTagIds().length; k++) {
        if (k == 0 || random.nextDouble() > 0.25) {
          ids.add(base.itemTagIds()[k]);
          scores.add(base.itemTagScores()[k]);
        }
      }
      if (random.nextDouble() < 0.35) {
        CatalogVideo other = corpus.get(random.nextInt(corpus.size()));
        long borrowed = other.itemTagIds()[random.nextInt(other.itemTagIds().length)];
        if (!ids.contains(borrowed)) {
          ids.add(borrowed);
          scores.add(Math.min(scores.get(scores.size() - 1), 0.5));
        }
      }
      Double duration = base.durationSeconds() == null ? null
          : Math.max(5, Math.rint(base.durationSeconds() * Math.exp(0.3 * random.nextGaussian())));
      out.add(new CatalogVideo(String.format(Locale.ROOT, "demo-sim-%05d", i), "demo-sim-creator-" + (i % 400),
          duration, base.category(), ids.stream().mapToLong(Long::longValue).toArray(),
          scores.stream().mapToDouble(Double::doubleValue).toArray()));
    }
    return out;
  }

  private void refreshRoles(WorkflowClient client, Duration timeout) throws InterruptedException {
    UserRoleWorkflow roles = client.newWorkflowStub(UserRoleWorkflow.class, UserRoleWorkflow.WORKFLOW_ID);
    int before;
    try {
      before = roles.status().runs();
    } catch (RuntimeException e) {
      out.println("roles: upkeep is off (TAGCF_MAINTENANCE=off), not refreshed");
      return;
    }
    roles.refreshNow();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      UserRoleStatus s = roles.status();
      if (s.runs() > before) {
        if (s.roles() != null && s.statsLogic() != null) {
          out.printf("roles: %,d users with roles from %,d engagements; logic graph: %d U2I and %d I2U edges%s%n",
              s.roles().users(), s.roles().engagements(), s.statsLogic().u2iEdges(), s.statsLogic().i2uEdges(),
              s.lastError() == null ? "" : " (" + s.lastError() + ")");
        } else {
          out.println("roles: " + s.lastError());
        }
        return;
      }
      Thread.sleep(250);
    }
    out.println("roles: no refresh within " + timeout.toSeconds() + " s");
  }

  private SnapshotResult snapshot(WorkflowClient client, Instant windowEnd) {
    String id = EffectEstimationWorkflow.ID_PREFIX + "demo-" + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    EffectEstimationWorkflow workflow = client.newWorkflowStub(EffectEstimationWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.EFFECTS).build());
    long t0 = System.nanoTime();
    SnapshotResult result = workflow.estimate(new EffectRequest(windowEnd, WINDOW_DAYS, SimulatedInteractions.SEGMENTS,
        4, EffectSettings.defaults(SEED)));
    out.printf("snapshot %d (%s): %s in %.1f s, %d cells estimated, %d insufficient%n", result.snapshotId(), id,
        result.status(), (System.nanoTime() - t0) / 1e9, result.cellsEstimated(), result.cellsInsufficient());
    return result;
  }

  private record Checked(long tagId, CellEstimate cell, TruthTable.Row truth) {
    boolean covers() {
      return cell.aipw().ciLow() <= truth.att() && truth.att() <= cell.aipw().ciHigh();
    }
  }

  private void report(DataSource ds, SimulatedInteractions sim, Set<Long> tags, SnapshotResult result) {
    EffectReader reader = new EffectReader(ds);
    List<Checked> checked = new ArrayList<>();
    Set<Long> sufficient = new HashSet<>();
    for (long tag : tags) {
      for (CellEstimate c : reader.tagEffects(result.snapshotId(), tag, null, null)) {
        if (c.status() != CellStatus.ESTIMATED || c.segment().equals(VideoDesign.ALL_SEGMENTS)) {
          continue;
        }
        TruthTable.Row truth = sim.truth(tag, c.segment(), c.outcome());
        if (truth != null) {
          checked.add(new Checked(tag, c, truth));
          sufficient.add(tag);
        }
      }
    }
    if (checked.isEmpty()) {
      out.println("no sufficient cells to compare");
      return;
    }
    Map<Long, String> labels = new TagRepository(ds).labels(sufficient);
    out.println("strongest true effects (completion rate, percentage points; 95% interval; * robust):");
    out.printf("  %-24s %-10s %8s %8s  %-20s%n", "tag", "segment", "true", "est.", "95% CI");
    checked.stream().filter(c -> c.cell().outcome() == Outcome.COMPLETION)
        .sorted(Comparator.comparingDouble((Checked c) -> -Math.abs(c.truth().att())))
        .limit(12)
        .forEach(c -> out.printf(Locale.ROOT, "  %-24s %-10s %+8.2f %+8.2f  [%+.2f, %+.2f]%s%s%n",
            truncate(labels.getOrDefault(c.tagId(), String.valueOf(c.tagId())), 24), c.cell().segment(),
            100 * c.truth().att(), 100 * c.cell().aipw().estimate(), 100 * c.cell().aipw().ciLow(),
            100 * c.cell().aipw().ciHigh(), c.cell().robust() ? " *" : "", c.covers() ? "" : "  (misses)"));
    long covered = checked.stream().filter(Checked::covers).count();
    List<Checked> zero = checked.stream().filter(c -> c.truth().zeroEffect()).toList();
    long zeroSignificant = zero.stream().filter(c -> c.cell().aipw().significant()).count();
    out.printf(Locale.ROOT, "%d tags with sufficient cells; %d of %d cells' 95%% intervals cover the truth (%.1f%%);"
            + " %d of %d zero-effect cells called significant (%.1f%%)%n",
        sufficient.size(), covered, checked.size(), 100.0 * covered / checked.size(), zeroSignificant, zero.size(),
        zero.isEmpty() ? 0.0 : 100.0 * zeroSignificant / zero.size());
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
