package io.tagcf.models.causal.sensitivity;

import io.tagcf.models.causal.Method;

/**
 * How strong an unobserved confounder would have to be to move one estimate to zero. A value is
 * null where its measure does not apply: the E-value needs an outcome that is a probability or a
 * rate (in [0, 1]); the robustness value is reported for regression adjustment.
 *
 * @param eValue E-value of the estimate, on the risk-ratio scale ({@link EValue})
 * @param eValueCi E-value of the 95% interval's limit closest to the null (1 when it contains it)
 * @param riskRatio the risk ratio the E-value is computed from
 * @param robustnessValue RV_1: partial R² that would bring the estimate to zero ({@link RobustnessValue})
 * @param robustnessValueAlpha RV_1,0.05: partial R² that would make it insignificant at 5%
 */
public record Sensitivity(
    Method method, Double eValue, Double eValueCi, Double riskRatio, Double robustnessValue,
    Double robustnessValueAlpha) {}
