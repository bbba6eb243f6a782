package io.tagcf.gateway.fakes;

import io.tagcf.gateway.effects.OrchestratorUnavailableException;
import io.tagcf.gateway.explanations.ExplanationStarter;
import io.tagcf.workflowapi.explanations.ExplanationRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records explanation runs instead of starting workflows: a second start of a running id joins it. */
public final class FakeExplanationStarter implements ExplanationStarter {

  /** One start, as the gateway asked for it. */
  public record Started(String workflowId, ExplanationRequest request) {}

  private final CallingThreads threads;
  private final List<Started> starts = new CopyOnWriteArrayList<>();
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private volatile boolean reachable = true;

  public FakeExplanationStarter(CallingThreads threads) {
    this.threads = threads;
  }

  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  public List<Started> starts() {
    return List.copyOf(starts);
  }

  @Override
  public Start start(String workflowId, ExplanationRequest request) {
    threads.record("explainer.start");
    if (!reachable) {
      throw new OrchestratorUnavailableException("the workflow service did not answer",
          new IllegalStateException("UNAVAILABLE"));
    }
    starts.add(new Started(workflowId, request));
    return running.add(workflowId) ? Start.STARTED : Start.JOINED;
  }
}
