package io.tagcf.ops.tools.eval;

/** A figure with its 95% interval. */
record Estimate(double value, double low, double high) {}
