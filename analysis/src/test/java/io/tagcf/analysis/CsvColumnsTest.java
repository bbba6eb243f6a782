package io.tagcf.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tagcf.models.causal.CausalData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading analysis tables: each column typed by its values, incomplete rows dropped and counted. */
class CsvColumnsTest {

  @TempDir Path dir;

  private Path csv(String... lines) throws IOException {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void eachColumnGetsTheKindItsValuesHave() throws IOException {
    Path file = csv("t,y,city,emb", "1,0.5,beijing,[0.1;0.2]", "0,1.5,shanghai,[0.3;0.4]", "1,2,beijing,[0.5;0.6]");
    CsvColumns table = CsvColumns.load(file, List.of("t", "y", "city", "emb"), Map.of());
    assertThat(table.column("y")).isInstanceOfSatisfying(TableColumn.Numeric.class,
        n -> assertThat(n.values()).containsExactly(0.5, 1.5, 2.0));
    assertThat(table.column("city")).isInstanceOfSatisfying(TableColumn.Categorical.class, c -> {
      assertThat(c.levels()).containsExactly("beijing", "shanghai");
      assertThat(c.codes()).containsExactly(0, 1, 0);
    });
    assertThat(table.column("emb")).isInstanceOfSatisfying(TableColumn.Vector.class,
        v -> assertThat(v.values()[2]).containsExactly(0.5, 0.6));
    assertThat(table.rows()).isEqualTo(3);
  }

  @Test
  void rowsMissingAUsedValueAreDroppedAndCounted() throws IOException {
    Path file = csv("t,y,unused", "1,NA,x", "0,1,", "1,2,y", "0,,z", "1,3,w");
    CsvColumns table = CsvColumns.load(file, List.of("t", "y"), Map.of("t", "treatment"));
    assertThat(table.rows()).isEqualTo(3);
    assertThat(table.droppedRows()).isEqualTo(2);
    assertThat(table.numeric("y")).containsExactly(1.0, 2.0, 3.0);
  }

  @Test
  void aRequiredNumericColumnWithTextIsRejectedNamingItsRoleAndLine() throws IOException {
    Path file = csv("t,y", "1,0.5", "yes,1.5");
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("t", "y"), Map.of("t", "treatment")))
        .isInstanceOf(BadInputException.class)
        .hasMessage("treatment column 't' is not numeric (line 3: 'yes')");
  }

  @Test
  void aVectorColumnWithRaggedLengthsIsCategorical() throws IOException {
    Path file = csv("emb", "[1;2]", "[1;2;3]");
    assertThat(CsvColumns.load(file, List.of("emb"), Map.of()).column("emb"))
        .isInstanceOf(TableColumn.Categorical.class);
  }

  @Test
  void badFilesAreOneLineErrors() throws IOException {
    assertThatThrownBy(() -> CsvColumns.header(dir.resolve("missing.csv")))
        .isInstanceOf(BadInputException.class).hasMessageContaining("no such file");
    Path empty = csv("t,y");
    assertThatThrownBy(() -> CsvColumns.load(empty, List.of("t"), Map.of()))
        .hasMessageContaining("has a header but no data rows");
    Path file = csv("t,y", "1,2");
    assertThatThrownBy(() -> CsvColumns.load(file, List.of("z"), Map.of()))
        .hasMessage("unknown column 'z' (the file has: t, y)");
  }

  @Test
  void patternsExpandAgainstTheHeaderInOrderWithoutTheExcluded() {
    List<String> header = List.of("t", "tag_1", "y", "tag_2", "tag_10", "age");
    assertThat(CsvColumns.expand(List.of("tag_*", "age", "tag_1"), header, Set.of("tag_2")))
        .containsExactly("tag_1", "tag_10", "age");
    assertThatThrownBy(() -> CsvColumns.expand(List.of("genre_*"), header, Set.of()))
        .hasMessage("no column matches 'genre_*'");
  }

  @Test
  void aDesignSpecEncodesCategoriesWithTheFirstSortedLevelDropped() throws IOException {
    Path file = csv("t,y,city,w", "1,1,shanghai,2", "0,0,beijing,1", "1,1,chengdu,1", "0,1,shanghai,3");
    DesignSpec.Loaded loaded = new DesignSpec(file, "t", "y", List.of("city"), List.of(), "w", null).load();
    CausalData data = loaded.data();
    assertThat(data.covariateNames()).containsExactly("city=chengdu", "city=shanghai");
    assertThat(data.covariate(1)).containsExactly(1.0, 0.0, 0.0, 1.0);
    assertThat(data.weights()).containsExactly(2.0, 1.0, 1.0, 3.0);
    assertThat(loaded.droppedRows()).isZero();
  }

  @Test
  void aDesignSpecRefusesRolesThatDoNotFit() throws IOException {
    Path file = csv("t,y,x", "1,1,3", "0,0,4", "2,1,5");
    assertThatThrownBy(() -> new DesignSpec(file, "t", "y", List.of("x"), List.of(), null, null).load())
        .isInstanceOf(BadInputException.class).hasMessage("treatment column 't' must be 0/1; found 2");
    assertThatThrownBy(() -> new DesignSpec(file, "t", "y", List.of("y"), List.of(), null, null).load())
        .hasMessage("the outcome column 'y' cannot also be a covariate");
    Path negative = csv("t,y,w", "1,1,1", "0,0,-1");
    assertThatThrownBy(() -> new DesignSpec(negative, "t", "y", List.of(), List.of(), "w", null).load())
        .hasMessage("weight column 'w' has a negative value: -1");
  }
}
