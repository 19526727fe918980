package org.ofdft.ml.regression;

/**
 * A model whose prediction f(x) is differentiable with respect to its input: the gradient ∂f/∂x is what
 * turns a learned energy into a functional derivative (Snyder et al., PRL 108, 253002 (2012), eq. 5).
 */
public interface DifferentiableRegressor extends Regressor {

    /** Returns f(x) and writes ∂f/∂x_i into {@code gradient} (length {@link #featureCount()}); no allocation. */
    double predictWithGradient(double[] x, double[] gradient);
}
