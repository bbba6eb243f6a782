package io.tagcf.ops.estimate;

/** How a CSV column is read: numbers as given, text as categories, or bracketed vectors. */
enum ColumnKind {
  NUMERIC,
  CATEGORICAL,
  /** Every value looks like [x1;x2;...] with the same length: an embedding. */
  VECTOR
}
