package io.tagcf.models.causal;

import io.tagcf.models.causal.nuisance.NuisanceModel;
import io.tagcf.models.causal.nuisance.NuisanceModelException;
import io.tagcf.models.causal.nuisance.NuisanceTask;
import io.tagcf.models.causal.regression.CovariateScreen;
import io.tagcf.models.causal.regression.FeatureExpansion;
import io.tagcf.models.causal.regression.GlmFamily;
import io.tagcf.models.causal.regression.ModelMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link CausalData} checked and turned into what the estimators consume: screened covariates
 * (constant and collinear columns dropped), the standardised nuisance design, the outcome family,
 * and a lazily fitted full-sample propensity score shared by IPW, matching and the diagnostics.
 * It also carries the seed of every random split an estimator makes of these rows (cross-fitting
 * folds, the query order of covariate matching), so the same data give the same answer.
 */
public final class PreparedData {
  private final CausalData data;
  private final NuisanceOptions nuisance;
  private final long seed;
  private final double[] weights;
  private final double[][] covariates;
  private final List<String> covariateNames;
  private final ModelMatrix design;
  private final GlmFamily outcomeFamily;
  private final List<String> warnings;
  private PropensityScores propensity;

  private PreparedData(CausalData data, NuisanceOptions nuisance, long seed) {
    this.data = data;
    this.nuisance = nuisance;
    this.seed = seed;
    this.weights = data.weights();
    this.warnings = new ArrayList<>();
    CovariateScreen.Result screen = CovariateScreen.screen(data.covariates(), data.covariateNames(), weights);
    if (nuisance.model() == NuisanceModel.BOOST && !screen.constant().isEmpty()) {
      // Asked for explicitly, the flexible learner is not quietly fitted on fewer columns than named.
      throw new NuisanceModelException("covariate '" + screen.constant().get(0)
          + "' is constant: there is nothing to learn from it; drop it or use --nuisance glm or auto");
    }
    warnings.addAll(screen.warnings());
    double[][] kept = new double[screen.kept().length][];
    List<String> keptNames = new ArrayList<>();
    for (int k = 0; k < kept.length; k++) {
      kept[k] = data.covariate(screen.kept()[k]);
      keptNames.add(data.covariateNames().get(screen.kept()[k]));
    }
    this.covariates = kept;
    this.covariateNames = List.copyOf(keptNames);
    FeatureExpansion.Expanded expanded = nuisance.expansion().apply(kept, keptNames);
    double[][] modelColumns = expanded.columns();
    List<String> modelNames = expanded.names();
    if (nuisance.expansion() != FeatureExpansion.NONE) {
      CovariateScreen.Result again = CovariateScreen.screen(modelColumns, modelNames, weights);
      double[][] cols = new double[again.kept().length][];
      List<String> names = new ArrayList<>();
      for (int k = 0; k < cols.length; k++) {
        cols[k] = modelColumns[again.kept()[k]];
        names.add(modelNames.get(again.kept()[k]));
      }
      modelColumns = cols;
      modelNames = names;
    }
    this.design = ModelMatrix.standardised(modelColumns, modelNames, weights);
    this.outcomeFamily = GlmFamily.forOutcome(data.outcome());
  }

  /**
   * Checks the treatment and prepares the covariates.
   *
   * @throws CausalInputException when the treatment is not 0/1, is constant or an arm is too small
   */
  public static PreparedData prepare(CausalData data, NuisanceOptions nuisance, long seed) {
    Objects.requireNonNull(nuisance, "nuisance");
    if (data.size() == 0) {
      throw new CausalInputException("no rows to analyse");
    }
    return new PreparedData(data, nuisance, seed);
  }

  /** Throws unless the treatment is binary with at least two rows in each arm. */
  public void requireBinaryTreatment() {
    double[] t = data.treatment();
    int treated = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] != 0.0 && t[i] != 1.0) {
        throw new CausalInputException("treatment must be 0/1; row " + (i + 1) + " has " + t[i]);
      }
      if (t[i] == 1.0) {
        treated++;
      }
    }
    int control = t.length - treated;
    if (treated == 0 || control == 0) {
      throw new CausalInputException(
          "treatment is constant (all rows are " + (treated == 0 ? "0" : "1") + "): need treated and control rows");
    }
    if (treated < 2 || control < 2) {
      throw new CausalInputException(
          "too few rows in one arm (" + treated + " treated, " + control + " control): need at least 2 each");
    }
  }

  public CausalData data() {
    return data;
  }

  /** How the nuisance models are built (penalty, covariate expansion). */
  public NuisanceOptions nuisance() {
    return nuisance;
  }

  /** Seed of the random splits estimators make of these rows. */
  public long seed() {
    return seed;
  }

  public int size() {
    return data.size();
  }

  public double[] treatment() {
    return data.treatment();
  }

  public double[] outcome() {
    return data.outcome();
  }

  /** Row weights (ones when the data has none). */
  public double[] weights() {
    return weights;
  }

  /** Covariates that survived screening, on their original scale. */
  public double[][] covariates() {
    return covariates;
  }

  public List<String> covariateNames() {
    return covariateNames;
  }

  /** Standardised nuisance-model design (after expansion), intercept first. */
  public ModelMatrix design() {
    return design;
  }

  public GlmFamily outcomeFamily() {
    return outcomeFamily;
  }

  /**
   * A nuisance regression of {@code target} on these covariates, with this data's weights, penalty
   * and seed.
   */
  public NuisanceTask nuisanceTask(String name, double[] target, GlmFamily family) {
    return new NuisanceTask(name, design, covariates, target, weights, family, nuisance.lambda(), seed);
  }

  /** Warnings from preparing the data (dropped covariates). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public int treatedCount() {
    return data.treatedCount();
  }

  /** Full-sample propensity scores, fitted on first use. */
  public synchronized PropensityScores propensity() {
    if (propensity == null) {
      propensity = PropensityScores.fit(this);
    }
    return propensity;
  }
}
