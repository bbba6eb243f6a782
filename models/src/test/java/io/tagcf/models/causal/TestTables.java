package io.tagcf.models.causal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the small, comma-only, optionally quoted CSV fixtures under src/test/resources/causal. */
final class TestTables {
  private TestTables() {}

  /**
   * The Lalonde sample (MatchIt's copy) with the covariates of the published MatchIt and R
   * analyses: age, education, race, marriage, no degree, 1974 and 1975 earnings.
   */
  static CausalData lalonde() {
    Map<String, List<String>> t = read("lalonde.csv");
    return CausalData.builder(numbers(t, "treat"), numbers(t, "re78"))
        .covariate("age", numbers(t, "age"))
        .covariate("educ", numbers(t, "educ"))
        .covariate("race=hispan", indicator(t, "race", "hispan"))
        .covariate("race=white", indicator(t, "race", "white"))
        .covariate("married", numbers(t, "married"))
        .covariate("nodegree", numbers(t, "nodegree"))
        .covariate("re74", numbers(t, "re74"))
        .covariate("re75", numbers(t, "re75"))
        .build();
  }

  static Map<String, List<String>> read(String resource) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        TestTables.class.getResourceAsStream("/causal/" + resource), StandardCharsets.UTF_8))) {
      String[] header = split(in.readLine());
      Map<String, List<String>> table = new LinkedHashMap<>();
      for (String h : header) {
        table.put(h, new ArrayList<>());
      }
      String line;
      while ((line = in.readLine()) != null) {
        String[] cells = split(line);
        for (int j = 0; j < header.length; j++) {
          table.get(header[j]).add(cells[j]);
        }
      }
      return table;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double[] numbers(Map<String, List<String>> table, String column) {
    return table.get(column).stream().mapToDouble(Double::parseDouble).toArray();
  }

  /** 0/1 indicator of column == level. */
  static double[] indicator(Map<String, List<String>> table, String column, String level) {
    return table.get(column).stream().mapToDouble(v -> v.equals(level) ? 1 : 0).toArray();
  }

  private static String[] split(String line) {
    String[] cells = line.split(",", -1);
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].replace("\"", "");
    }
    return cells;
  }
}
