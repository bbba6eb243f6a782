package io.tagcf.gateway.fakes;

import io.tagcf.gateway.effects.OrchestratorUnavailableException;
import io.tagcf.gateway.effects.SnapshotRun;
import io.tagcf.gateway.effects.SnapshotStarter;
import io.tagcf.workflowapi.effects.EffectRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records snapshot runs instead of starting workflows; can play an unreachable orchestrator. */
public final class FakeSnapshotStarter implements SnapshotStarter {

  /** One start, as the gateway asked for it. */
  public record Start(String workflowId, EffectRequest request) {}

  private final CallingThreads threads;
  private final List<Start> starts = new CopyOnWriteArrayList<>();
  private final Map<String, SnapshotRun> runs = new ConcurrentHashMap<>();
  private volatile boolean reachable = true;

  public FakeSnapshotStarter(CallingThreads threads) {
    this.threads = threads;
  }

  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  public void put(SnapshotRun run) {
    runs.put(run.workflowId(), run);
  }

  public List<Start> starts() {
    return List.copyOf(starts);
  }

  @Override
  public void start(String workflowId, EffectRequest request) {
    threads.record("snapshots.start");
    requireReachable();
    starts.add(new Start(workflowId, request));
  }

  @Override
  public Optional<SnapshotRun> run(String workflowId) {
    threads.record("snapshots.run");
    requireReachable();
    return Optional.ofNullable(runs.get(workflowId));
  }

  private void requireReachable() {
    if (!reachable) {
      throw new OrchestratorUnavailableException(
          "the workflow service did not answer", new IllegalStateException("UNAVAILABLE"));
    }
  }
}
