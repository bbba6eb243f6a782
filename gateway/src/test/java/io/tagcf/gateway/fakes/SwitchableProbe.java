package io.tagcf.gateway.fakes;

import io.tagcf.gateway.health.ReachabilityProbe;

/** A readiness probe whose answer the test sets. */
public final class SwitchableProbe implements ReachabilityProbe {

  private final CallingThreads threads;
  private final String name;
  private volatile boolean reachable = true;

  public SwitchableProbe(CallingThreads threads, String name) {
    this.threads = threads;
    this.name = name;
  }

  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  @Override
  public boolean isReachable() {
    threads.record(name + ".isReachable");
    return reachable;
  }
}
