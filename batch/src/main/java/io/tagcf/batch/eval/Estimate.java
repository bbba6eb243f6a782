package io.tagcf.batch.eval;

/** A figure with its 95% interval. */
public record Estimate(double value, double low, double high) {}
