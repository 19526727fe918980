package org.ofdft.ml.regression;

import java.util.Arrays;

/** A fitted linear model f(x) = w·x + b (ridge and LASSO). */
public record LinearModel(double[] weights, double intercept) implements DifferentiableRegressor {

    public LinearModel {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("a linear model needs at least one weight");
        }
        weights = weights.clone();
    }

    @Override
    public int featureCount() {
        return weights.length;
    }

    @Override
    public double predict(double[] x) {
        InputChecks.requireInput(x, weights.length);
        double sum = intercept;
        for (int j = 0; j < weights.length; j++) {
            sum += weights[j] * x[j];
        }
        return sum;
    }

    @Override
    public double predictWithGradient(double[] x, double[] gradient) {
        System.arraycopy(weights, 0, gradient, 0, weights.length);
        return predict(x);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinearModel m && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(weights) + Double.hashCode(intercept);
    }

    @Override
    public String toString() {
        return "LinearModel[" + weights.length + " weights, intercept " + intercept + "]";
    }
}
