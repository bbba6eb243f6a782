package io.tagcf.models.simulation;

/** Receives exposure blocks in exposure order, on one thread. */
@FunctionalInterface
public interface ExposureSink {
  void accept(ExposureBlock block);
}
