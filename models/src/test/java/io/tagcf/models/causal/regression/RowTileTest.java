package io.tagcf.models.causal.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The blocked sums equal the plain row-by-row loops they replaced bit for bit (same products, same
 * order), for column counts on and off the 4-column block and row counts across tiles.
 */
class RowTileTest {

  @ParameterizedTest
  @CsvSource({"1, 3", "3, 256", "4, 257", "7, 700", "12, 1000"})
  void gramAndSumsMatchThePlainLoops(int cols, int rows) {
    Random rnd = new Random(cols * 31L + rows);
    double[] values = new double[rows * cols];
    for (int k = 0; k < values.length; k++) {
      values[k] = rnd.nextGaussian();
    }
    double[] c = new double[rows];
    for (int i = 0; i < rows; i++) {
      c[i] = rnd.nextDouble();
    }
    double[] sums = new double[cols];
    double[] gram = new double[cols * cols];
    for (int i = 0; i < rows; i++) {
      for (int a = 0; a < cols; a++) {
        double xa = values[i * cols + a];
        sums[a] += xa * c[i];
        double ca = xa * c[i];
        for (int b = a; b < cols; b++) {
          gram[a * cols + b] += ca * values[i * cols + b];
        }
      }
    }
    int padded = RowTile.padded(cols);
    double[] tiledGram = new double[padded * padded];
    double[] tiledSums = new double[cols];
    RowTile tile = new RowTile(cols);
    double[] part = new double[RowTile.ROWS];
    for (int start = 0; start < rows; start += RowTile.ROWS) {
      int end = Math.min(rows, start + RowTile.ROWS);
      tile.load(values, null, start, end);
      System.arraycopy(c, start, part, 0, end - start);
      tile.addWeightedSums(part, tiledSums);
      tile.addWeightedGram(part, tiledGram);
    }
    assertThat(tiledSums).containsExactly(sums);
    for (int a = 0; a < cols; a++) {
      for (int b = a; b < cols; b++) {
        assertThat(tiledGram[a * padded + b]).as("(%d, %d)", a, b).isEqualTo(gram[a * cols + b]);
      }
    }
  }
}
