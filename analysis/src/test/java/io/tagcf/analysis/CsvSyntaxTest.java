package io.tagcf.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV dialect the reader accepts, pinned value by value: what Commons CSV (the reader before
 * FastCSV) did with quotes, blanks, line endings, empty lines, short records and missing-value
 * tokens is what the reader still does.
 */
class CsvSyntaxTest {

  @TempDir Path dir;

  private Path write(String content) throws IOException {
    Path file = dir.resolve("s.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void quotedFieldsMayHoldSeparatorsLineBreaksQuotesAndSurroundingBlanks() throws IOException {
    Path file = write("t,city\n1,\"a,b\"\n0,  \"x\ny\"  \n1,\"say \"\"hi\"\"\"\n0,\"a,b\"\n");
    CsvColumns table = CsvColumns.load(file, List.of("t", "city"), Map.of());
    assertThat(table.column("city")).isInstanceOfSatisfying(TableColumn.Categorical.class, c -> {
      assertThat(c.levels()).containsExactly("a,b", "x\ny", "say \"hi\"");
      assertThat(c.codes()).containsExactly(0, 1, 2, 0);
    });
    assertThat(table.numeric("t")).containsExactly(1.0, 0.0, 1.0, 0.0);
  }

  @Test
  void crlfAndEmptyLinesAndBlanksAroundValues() throws IOException {
    Path file = write("t,y\r\n1, 2.5 \r\n\r\n0,\t3\r\n\n1,4e1\r\n");
    CsvColumns table = CsvColumns.load(file, List.of("t", "y"), Map.of());
    assertThat(table.numeric("y")).containsExactly(2.5, 3.0, 40.0);
    assertThat(table.rows()).isEqualTo(3);
    assertThat(table.droppedRows()).isZero();
  }

  @Test
  void missingTokensInAnyCaseAndShortRecordsDropTheRow() throws IOException {
    Path file = write("t,y,z\n1,NA,1\n0,NaN,1\n1,null,1\n0,None,1\n1,N/A,1\n0, na ,1\n1,5\n0,6,1\n1,\"\",1\n");
    CsvColumns table = CsvColumns.load(file, List.of("t", "y", "z"), Map.of());
    assertThat(table.numeric("y")).containsExactly(6.0);
    assertThat(table.droppedRows()).isEqualTo(8);
  }

  @Test
  void javaNumberSyntaxIsNumericAndNonFiniteNumbersAreRefused() throws IOException {
    Path file = write("t,a,b\n1,1d,-Infinity\n0,+.5,1\n1,0x1p3,2\n0,1e-3,3\n");
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "a", "b"), Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("column 'b' has a value that is not a finite number (line 2: '-Infinity')");
    CsvColumns table = CsvColumns.load(file, List.of("t", "a"), Map.of());
    assertThat(table.numeric("a")).containsExactly(1.0, 0.5, 8.0, 0.001);
  }

  @Test
  void aTextColumnMayHoldTheWordInf() throws IOException {
    Path file = write("t,level\n1,inf\n0,low\n1,1e999\n0,high\n");
    CsvColumns table = CsvColumns.load(file, List.of("t", "level"), Map.of());
    assertThat(table.column("level")).isInstanceOf(TableColumn.Categorical.class);
  }

  @Test
  void theLineOfTheFirstTextValueCountsRecordsNotEmptyLines() throws IOException {
    Path file = write("t,y\n1,1\n\n0,2\n1,\"x\ny\"\n0,text\n");
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "y"), Map.of("y", "outcome")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("outcome column 'y' is not numeric (line 4: 'x\ny')");
  }

  @Test
  void extraFieldsAreIgnored() throws IOException {
    Path file = write("t,y\n1,2,3,4\n0,1\n");
    assertThat(CsvColumns.load(file, List.of("t", "y"), Map.of()).numeric("y")).containsExactly(2.0, 1.0);
  }

  @Test
  void aCategoricalColumnWithMoreThanAThousandLevelsIsRefused() throws IOException {
    StringBuilder csv = new StringBuilder("t,id\n");
    for (int i = 0; i < 1001; i++) {
      csv.append(i % 2).append(",u").append(i).append('\n');
    }
    Path file = write(csv.toString());
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "id"), Map.of()))
        .hasMessage("categorical column 'id' has more than 1000 levels: almost certainly an identifier, not a covariate");
  }

  @Test
  void anUnterminatedQuoteIsAnError() throws IOException {
    Path file = write("t,y\n1,\"2\n0,3\n");
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "y"), Map.of()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("malformed CSV in " + file);
  }
}
