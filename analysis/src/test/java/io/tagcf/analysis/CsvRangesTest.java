package io.tagcf.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading a file in byte ranges on several threads gives exactly the table that reading it in one
 * range gives: the ranges start at every kind of line (after CRLF, empty lines, short records),
 * category codes keep their first-seen order over the whole file, and a value's line number counts
 * the records of the ranges before it. A file with a quote anywhere is read in one range.
 */
class CsvRangesTest {

  @TempDir Path dir;

  private static final List<String> USED = List.of("t", "y", "x", "city", "emb", "late");

  @ParameterizedTest
  @CsvSource({"LF, 2", "LF, 3", "CRLF, 8", "LF, 64", "CRLF, 200"})
  void rangesGiveTheTableOfOneRange(String lineEnd, int parts) throws IOException {
    Path file = write(generate(3000, lineEnd.equals("LF") ? "\n" : "\r\n", false, -1));
    CsvColumns one = CsvColumns.load(file, USED, Map.of(), 1);
    CsvColumns split = CsvColumns.load(file, USED, Map.of(), parts);
    assertSameTable(split, one);
    assertThat(one.droppedRows()).isPositive();
    assertThat(one.column("city")).isInstanceOf(TableColumn.Categorical.class);
    assertThat(one.column("emb")).isInstanceOf(TableColumn.Vector.class);
    assertThat(one.column("late")).isInstanceOf(TableColumn.Categorical.class);
  }

  @ParameterizedTest
  @CsvSource({"1", "7", "64"})
  void theFirstTextValueIsNamedByItsRecordOverAllRanges(int parts) throws IOException {
    Path file = write(generate(3000, "\n", false, 2500));
    // Record 2500 (0-based) is on line 2502: the header is line 1 and empty lines do not count.
    assertThatThrownBy(() -> CsvColumns.load(file, USED, Map.of("y", "outcome"), parts))
        .isInstanceOf(BadInputException.class)
        .hasMessage("outcome column 'y' is not numeric (line 2502: 'oops')");
  }

  @ParameterizedTest
  @CsvSource({"4", "64"})
  void aFileWithAQuoteIsReadInOneRange(int parts) throws IOException {
    Path file = write(generate(3000, "\n", true, -1));
    CsvColumns split = CsvColumns.load(file, USED, Map.of(), parts);
    assertSameTable(split, CsvColumns.load(file, USED, Map.of(), 1));
    assertThat(((TableColumn.Categorical) split.column("city")).levels()).contains("new\nyork, ny");
  }

  @ParameterizedTest
  @CsvSource({"1", "16"})
  void moreThanAThousandLevelsOverAllRangesIsRefused(int parts) throws IOException {
    StringBuilder csv = new StringBuilder("t,id\n");
    for (int i = 0; i < 4000; i++) {
      // Each range alone holds fewer than 1000 levels; the file holds 1001.
      csv.append(i % 2).append(",u").append(i % 1001).append('\n');
    }
    Path file = write(csv.toString());
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "id"), Map.of(), parts))
        .hasMessageContaining("categorical column 'id' has more than 1000 levels");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("r.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Rows of t, y (numeric with missing tokens), x (integers), city (levels appearing over time),
   * emb (2-vectors), late (numeric until the last rows), an unused column, empty lines and short
   * records; {@code textAt} puts the text "oops" in y on that record.
   */
  private static String generate(int rows, String eol, boolean quoted, int textAt) {
    Random rnd = new Random(5);
    String[] missing = {"", "NA", "nan", " null ", "None", "N/A"};
    StringBuilder csv = new StringBuilder("t,y,unused,x,city,emb,late").append(eol);
    for (int i = 0; i < rows; i++) {
      if (rnd.nextInt(50) == 0) {
        csv.append(eol);
      }
      if (rnd.nextInt(200) == 0) {
        csv.append(i % 2).append(',').append(i).append(eol);
        continue;
      }
      String y = i == textAt ? "oops"
          : rnd.nextInt(40) == 0 ? missing[rnd.nextInt(missing.length)]
          : String.format(Locale.ROOT, "%.6f", rnd.nextGaussian());
      String city = quoted && i == 1700 ? "\"new\nyork, ny\"" : "c" + rnd.nextInt(1 + i / 100);
      String late = i > rows - 10 ? "z" + (i % 3) : Integer.toString(i % 7);
      csv.append(i % 2).append(',').append(y).append(",u,").append(rnd.nextInt(100)).append(',').append(city)
          .append(",[").append(i).append(';').append(-i).append("],").append(late).append(eol);
    }
    return csv.toString();
  }

  private static void assertSameTable(CsvColumns actual, CsvColumns expected) {
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.droppedRows()).isEqualTo(expected.droppedRows());
    for (String name : USED) {
      TableColumn a = actual.column(name);
      TableColumn e = expected.column(name);
      assertThat(a.getClass()).as(name).isEqualTo(e.getClass());
      if (e instanceof TableColumn.Numeric n) {
        assertThat(((TableColumn.Numeric) a).values()).as(name).isEqualTo(n.values());
      } else if (e instanceof TableColumn.Categorical c) {
        assertThat(((TableColumn.Categorical) a).levels()).as(name).isEqualTo(c.levels());
        assertThat(((TableColumn.Categorical) a).codes()).as(name).isEqualTo(c.codes());
      } else if (e instanceof TableColumn.Vector v) {
        assertThat(((TableColumn.Vector) a).values()).as(name).isDeepEqualTo(v.values());
      }
    }
  }
}
