package io.tagcf.analysis;

import io.tagcf.models.causal.CausalData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which columns of a CSV file play which role in an analysis. {@link #load()} checks the roles
 * against the header, reads the used columns in one pass and encodes them for the estimators.
 *
 * @param covariates column names or {@code prefix*} patterns, expanded against the header
 * @param weight row-weight column, or null
 * @param placeboOutcome an outcome the treatment cannot affect, or null
 */
public record DesignSpec(
    Path csv, String treatment, String outcome, List<String> covariates, List<String> instruments, String weight,
    String placeboOutcome) {

  public DesignSpec {
    covariates = List.copyOf(covariates);
    instruments = List.copyOf(instruments);
  }

  /** The encoded design and how many incomplete rows were dropped. */
  public record Loaded(CausalData data, int droppedRows) {}

  /**
   * @throws BadInputException naming the column or file when the roles do not fit the file
   */
  public Loaded load() {
    List<String> header = CsvColumns.header(csv);
    Set<String> special = new HashSet<>();
    special.add(treatment);
    special.add(outcome);
    special.addAll(instruments);
    if (weight != null) {
      special.add(weight);
    }
    if (placeboOutcome != null) {
      special.add(placeboOutcome);
    }
    for (String name : special) {
      if (!header.contains(name)) {
        throw new BadInputException("unknown column '" + name + "' (the file has: " + String.join(", ", header) + ")");
      }
    }
    List<String> covariateColumns = CsvColumns.expand(covariates, header, special);
    for (String c : covariateColumns) {
      if (c.equals(treatment)) {
        throw new BadInputException("the treatment column '" + c + "' cannot also be a covariate");
      }
      if (c.equals(outcome)) {
        throw new BadInputException("the outcome column '" + c + "' cannot also be a covariate");
      }
    }
    List<String> used = new ArrayList<>();
    used.add(treatment);
    used.add(outcome);
    used.addAll(covariateColumns);
    used.addAll(instruments);
    if (weight != null) {
      used.add(weight);
    }
    if (placeboOutcome != null) {
      used.add(placeboOutcome);
    }
    Map<String, String> numericRoles = new LinkedHashMap<>();
    numericRoles.put(treatment, "treatment");
    numericRoles.put(outcome, "outcome");
    for (String z : instruments) {
      numericRoles.put(z, "instrument");
    }
    if (weight != null) {
      numericRoles.put(weight, "weight");
    }
    if (placeboOutcome != null) {
      numericRoles.put(placeboOutcome, "placebo outcome");
    }
    CsvColumns table = CsvColumns.load(csv, used.stream().distinct().toList(), numericRoles);
    CausalData data = DesignEncoder.encode(
        table, treatment, outcome, covariateColumns, instruments, weight, placeboOutcome);
    return new Loaded(data, table.droppedRows());
  }
}
