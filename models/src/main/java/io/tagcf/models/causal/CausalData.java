package io.tagcf.models.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One analysis-ready table: a treatment, an outcome, numeric covariates and optional row weights,
 * instruments, a placebo outcome and embedding vectors for cosine matching.
 *
 * <p>Columns are stored column-major ({@code covariates[j][i]} is covariate j of row i) because
 * every estimator standardises, subsets and appends whole columns. The arrays are not copied:
 * callers hand over ownership.
 */
public final class CausalData {
  private final double[] treatment;
  private final double[] outcome;
  private final double[][] covariates;
  private final List<String> covariateNames;
  private final double[] weights;
  private final double[][] instruments;
  private final List<String> instrumentNames;
  private final double[] placeboOutcome;
  private final double[][] embedding;

  private CausalData(Builder b) {
    this.treatment = Objects.requireNonNull(b.treatment, "treatment");
    this.outcome = Objects.requireNonNull(b.outcome, "outcome");
    this.covariates = b.covariates.toArray(new double[0][]);
    this.covariateNames = List.copyOf(b.covariateNames);
    this.weights = b.weights;
    this.instruments = b.instruments.toArray(new double[0][]);
    this.instrumentNames = List.copyOf(b.instrumentNames);
    this.placeboOutcome = b.placeboOutcome;
    this.embedding = b.embedding;
    validate();
  }

  public static Builder builder(double[] treatment, double[] outcome) {
    return new Builder(treatment, outcome);
  }

  private void validate() {
    int n = treatment.length;
    checkColumn("outcome", outcome, n);
    checkColumn("treatment", treatment, n);
    for (int j = 0; j < covariates.length; j++) {
      checkColumn("covariate '" + covariateNames.get(j) + "'", covariates[j], n);
    }
    for (int j = 0; j < instruments.length; j++) {
      checkColumn("instrument '" + instrumentNames.get(j) + "'", instruments[j], n);
    }
    if (placeboOutcome != null) {
      checkColumn("placebo outcome", placeboOutcome, n);
    }
    if (weights != null) {
      checkColumn("weight", weights, n);
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (weights[i] < 0) {
          throw new CausalInputException("weight is negative on row " + (i + 1) + ": " + weights[i]);
        }
        total += weights[i];
      }
      if (total <= 0) {
        throw new CausalInputException("weights sum to zero");
      }
    }
    if (embedding != null) {
      if (embedding.length != n) {
        throw new IllegalArgumentException("embedding has " + embedding.length + " rows, expected " + n);
      }
      for (int i = 0; i < n; i++) {
        for (double v : embedding[i]) {
          if (!Double.isFinite(v)) {
            throw new CausalInputException("embedding has a non-finite value on row " + (i + 1));
          }
        }
      }
    }
  }

  private static void checkColumn(String name, double[] column, int n) {
    if (column.length != n) {
      throw new IllegalArgumentException(name + " has " + column.length + " rows, expected " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(column[i])) {
        throw new CausalInputException(name + " has a non-finite value on row " + (i + 1));
      }
    }
  }

  public int size() {
    return treatment.length;
  }

  public double[] treatment() {
    return treatment;
  }

  public double[] outcome() {
    return outcome;
  }

  public int covariateCount() {
    return covariates.length;
  }

  public double[] covariate(int j) {
    return covariates[j];
  }

  public double[][] covariates() {
    return covariates;
  }

  public List<String> covariateNames() {
    return covariateNames;
  }

  public boolean hasWeights() {
    return weights != null;
  }

  /** Row weights; all ones when none were given. */
  public double[] weights() {
    if (weights != null) {
      return weights;
    }
    double[] ones = new double[size()];
    Arrays.fill(ones, 1.0);
    return ones;
  }

  public double[][] instruments() {
    return instruments;
  }

  public List<String> instrumentNames() {
    return instrumentNames;
  }

  public double[] placeboOutcome() {
    return placeboOutcome;
  }

  public double[][] embedding() {
    return embedding;
  }

  /** True when every treatment value is exactly 0 or 1. */
  public boolean binaryTreatment() {
    for (double t : treatment) {
      if (t != 0.0 && t != 1.0) {
        return false;
      }
    }
    return true;
  }

  public int treatedCount() {
    int c = 0;
    for (double t : treatment) {
      if (t == 1.0) {
        c++;
      }
    }
    return c;
  }

  /** The same table restricted to the given rows (in that order). */
  public CausalData subset(int[] rows) {
    Builder b = new Builder(pick(treatment, rows), pick(outcome, rows));
    for (int j = 0; j < covariates.length; j++) {
      b.covariate(covariateNames.get(j), pick(covariates[j], rows));
    }
    for (int j = 0; j < instruments.length; j++) {
      b.instrument(instrumentNames.get(j), pick(instruments[j], rows));
    }
    if (weights != null) {
      b.weights(pick(weights, rows));
    }
    if (placeboOutcome != null) {
      b.placeboOutcome(pick(placeboOutcome, rows));
    }
    if (embedding != null) {
      double[][] e = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        e[i] = embedding[rows[i]];
      }
      b.embedding(e);
    }
    return b.build();
  }

  public CausalData withTreatment(double[] newTreatment) {
    return toBuilder(newTreatment, outcome).build();
  }

  public CausalData withOutcome(double[] newOutcome) {
    return toBuilder(treatment, newOutcome).build();
  }

  public CausalData withExtraCovariate(String name, double[] values) {
    return toBuilder(treatment, outcome).covariate(name, values).build();
  }

  private Builder toBuilder(double[] t, double[] y) {
    Builder b = new Builder(t, y);
    for (int j = 0; j < covariates.length; j++) {
      b.covariate(covariateNames.get(j), covariates[j]);
    }
    for (int j = 0; j < instruments.length; j++) {
      b.instrument(instrumentNames.get(j), instruments[j]);
    }
    b.weights = weights;
    b.placeboOutcome = placeboOutcome;
    b.embedding = embedding;
    return b;
  }

  private static double[] pick(double[] column, int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = column[rows[i]];
    }
    return out;
  }

  /** Collects the columns of a {@link CausalData}. */
  public static final class Builder {
    private final double[] treatment;
    private final double[] outcome;
    private final List<double[]> covariates = new ArrayList<>();
    private final List<String> covariateNames = new ArrayList<>();
    private final List<double[]> instruments = new ArrayList<>();
    private final List<String> instrumentNames = new ArrayList<>();
    private double[] weights;
    private double[] placeboOutcome;
    private double[][] embedding;

    private Builder(double[] treatment, double[] outcome) {
      this.treatment = treatment;
      this.outcome = outcome;
    }

    public Builder covariate(String name, double[] values) {
      covariateNames.add(name);
      covariates.add(values);
      return this;
    }

    public Builder instrument(String name, double[] values) {
      instrumentNames.add(name);
      instruments.add(values);
      return this;
    }

    public Builder weights(double[] values) {
      this.weights = values;
      return this;
    }

    public Builder placeboOutcome(double[] values) {
      this.placeboOutcome = values;
      return this;
    }

    /** Row-major embedding vectors (one per row) used by cosine nearest-neighbour matching. */
    public Builder embedding(double[][] rows) {
      this.embedding = rows;
      return this;
    }

    public CausalData build() {
      return new CausalData(this);
    }
  }
}
