package io.tagcf.gateway.health;

/** Tells whether a dependency answers; one readiness check. */
@FunctionalInterface
public interface ReachabilityProbe {

  /** True when the dependency answers within the probe's own timeout. Blocking. */
  boolean isReachable();
}
