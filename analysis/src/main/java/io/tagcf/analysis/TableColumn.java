package io.tagcf.analysis;

import java.util.List;

/**
 * One column of an analysis table, typed by what its values turned out to be: numbers as given,
 * text as category codes, or bracketed vectors (an embedding). Each kind carries only the data of
 * that kind, so an encoder cannot read category codes of a numeric column.
 */
public sealed interface TableColumn {

  String name();

  /** Rows after incomplete ones were dropped. */
  int rows();

  /** A column whose every value parses as a finite number. */
  record Numeric(String name, double[] values) implements TableColumn {
    @Override
    public int rows() {
      return values.length;
    }
  }

  /** A text column: {@code codes[i]} indexes {@code levels}, which are in first-seen order. */
  record Categorical(String name, int[] codes, List<String> levels) implements TableColumn {
    public Categorical {
      levels = List.copyOf(levels);
    }

    @Override
    public int rows() {
      return codes.length;
    }
  }

  /** Every value is {@code [x1;x2;...]} with the same length: an embedding. */
  record Vector(String name, double[][] values) implements TableColumn {
    @Override
    public int rows() {
      return values.length;
    }
  }
}
