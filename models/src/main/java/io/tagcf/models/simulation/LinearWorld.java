package io.tagcf.models.simulation;

import io.tagcf.models.causal.CausalData;
import io.tagcf.models.causal.regression.Sigmoid;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DoWhy's linear benchmark world ({@code dowhy.datasets.linear_dataset} with one binary treatment
 * and continuous common causes and instruments), re-implemented with the same generating
 * equations so DoWhy's own accuracy bars can be applied here:
 *
 * <pre>
 *   W_j ~ N(mu_j, 1), mu_j ~ U(-1, 1)            common causes
 *   Z_k ~ Bernoulli(p_k) for even k, U(0, 1) for odd k, p_k ~ U(0, 1)
 *   v* = N(0, 1) + W c1 + Z cz, c1 ~ U(0, 0.5 + |beta|/2), cz ~ U(0.95, 1.05) (1 + |beta|)
 *   v  ~ Bernoulli(sigmoid(v*))                   the treatment
 *   y  = beta v + W c2 + N(0, 0.01^2), c2 ~ U(0, 0.5 + |beta|/2)
 * </pre>
 *
 * The true ATE (and ATT) is beta. Columns are named as in DoWhy: W0.., Z0.., v0, y.
 */
public record LinearWorld(CausalData data, double trueEffect, List<String> columns, double[][] table) {

  public static LinearWorld generate(double beta, int commonCauses, int instruments, int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double range = 0.5 + Math.abs(beta) * 0.5;
    double[] means = new double[commonCauses];
    double[] c1 = new double[commonCauses];
    double[] c2 = new double[commonCauses];
    for (int j = 0; j < commonCauses; j++) {
      means[j] = uniform(random, -1, 1);
    }
    for (int j = 0; j < commonCauses; j++) {
      c1[j] = uniform(random, 0, range);
    }
    for (int j = 0; j < commonCauses; j++) {
      c2[j] = uniform(random, 0, range);
    }
    double rangeZ = 1 + Math.abs(beta);
    double[] p = new double[instruments];
    double[] cz = new double[instruments];
    for (int k = 0; k < instruments; k++) {
      p[k] = random.nextDouble();
    }
    for (int k = 0; k < instruments; k++) {
      cz[k] = uniform(random, rangeZ * 0.95, rangeZ * 1.05);
    }
    double[][] w = new double[commonCauses][samples];
    double[][] z = new double[instruments][samples];
    double[] v = new double[samples];
    double[] y = new double[samples];
    for (int i = 0; i < samples; i++) {
      double latent = random.nextGaussian();
      double outcome = 0.01 * random.nextGaussian();
      for (int j = 0; j < commonCauses; j++) {
        w[j][i] = means[j] + random.nextGaussian();
        latent += c1[j] * w[j][i];
        outcome += c2[j] * w[j][i];
      }
      for (int k = 0; k < instruments; k++) {
        z[k][i] = k % 2 == 0 ? (random.nextDouble() < p[k] ? 1 : 0) : random.nextDouble();
        latent += cz[k] * z[k][i];
      }
      v[i] = random.nextDouble() < Sigmoid.of(latent) ? 1 : 0;
      y[i] = outcome + beta * v[i];
    }
    CausalData.Builder builder = CausalData.builder(v, y);
    List<String> columns = new ArrayList<>();
    List<double[]> table = new ArrayList<>();
    for (int k = 0; k < instruments; k++) {
      builder.instrument("Z" + k, z[k]);
      columns.add("Z" + k);
      table.add(z[k]);
    }
    for (int j = 0; j < commonCauses; j++) {
      builder.covariate("W" + j, w[j]);
      columns.add("W" + j);
      table.add(w[j]);
    }
    columns.add("v0");
    table.add(v);
    columns.add("y");
    table.add(y);
    return new LinearWorld(builder.build(), beta, List.copyOf(columns), table.toArray(new double[0][]));
  }

  private static double uniform(SplittableRandom random, double lo, double hi) {
    return lo + (hi - lo) * random.nextDouble();
  }
}
