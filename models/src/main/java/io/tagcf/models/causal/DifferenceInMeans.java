package io.tagcf.models.causal;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The naive contrast: weighted mean outcome of treated rows minus that of control rows. It is the
 * causal effect only when treatment was randomised; elsewhere it is the baseline that shows how
 * much confounding the adjusted estimators removed. ATE and ATT coincide.
 */
public final class DifferenceInMeans implements EffectEstimator {
  @Override
  public Method method() {
    return Method.DIM;
  }

  @Override
  public Estimation estimate(PreparedData data, Estimand estimand) {
    data.requireBinaryTreatment();
    double[] t = data.treatment();
    double[] y = data.outcome();
    double[] w = data.weights();
    double[] sum = new double[2];
    double[] weight = new double[2];
    int[] count = new int[2];
    for (int i = 0; i < t.length; i++) {
      int arm = (int) t[i];
      sum[arm] += w[i] * y[i];
      weight[arm] += w[i];
      count[arm]++;
    }
    double m1 = sum[1] / weight[1];
    double m0 = sum[0] / weight[0];
    double[] variance = new double[2];
    for (int i = 0; i < t.length; i++) {
      int arm = (int) t[i];
      double d = y[i] - (arm == 1 ? m1 : m0);
      variance[arm] += w[i] * w[i] * d * d;
    }
    double v = 0;
    for (int arm = 0; arm < 2; arm++) {
      // n/(n-1) makes the unweighted case the usual Welch variance.
      v += variance[arm] / (weight[arm] * weight[arm]) * count[arm] / (count[arm] - 1.0);
    }
    LinkedHashMap<String, Double> details = new LinkedHashMap<>();
    details.put("mean_treated", m1);
    details.put("mean_control", m0);
    return Estimation.of(
        EffectEstimate.of(
            Method.DIM,
            estimand,
            m1 - m0,
            Math.sqrt(v),
            count[1],
            count[0],
            EffectiveSampleSize.of(w),
            List.of(),
            details));
  }
}
