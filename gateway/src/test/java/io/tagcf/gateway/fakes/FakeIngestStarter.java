package io.tagcf.gateway.fakes;

import io.tagcf.gateway.ingest.IngestStarter;
import io.tagcf.gateway.ingest.IngestUnavailableException;
import io.tagcf.workflowapi.ingest.VideoIngestWorkflow;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records ingest requests instead of starting workflows; can play an unreachable orchestrator. */
public final class FakeIngestStarter implements IngestStarter {

  private final CallingThreads threads;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile boolean reachable = true;

  public FakeIngestStarter(CallingThreads threads) {
    this.threads = threads;
  }

  /** An unreachable orchestrator refuses ingests and fails readiness. */
  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  /** The ingests requested, as {@code videoId@contentHash}, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void requestIngest(String videoId, String contentHash, long revision) {
    threads.record("ingest.requestIngest");
    if (!reachable) {
      throw new IngestUnavailableException(
          "the workflow service did not accept the ingest", new IllegalStateException("UNAVAILABLE"));
    }
    requests.add(videoId + "@" + contentHash);
  }

  @Override
  public String workflowId(String videoId) {
    return VideoIngestWorkflow.workflowId(videoId);
  }

  @Override
  public boolean isReachable() {
    threads.record("ingest.isReachable");
    return reachable;
  }
}
