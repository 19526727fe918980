package org.ofdft.ml.validation;

/**
 * Error measures of predictions ŷ against true values y over n samples: MAE = Σ|y − ŷ|/n,
 * RMSE = √(Σ(y − ŷ)²/n), the largest |y − ŷ|, and R² = 1 − Σ(y − ŷ)²/Σ(y − ȳ)² (scikit-learn's
 * {@code r2_score}, including its convention for constant y: 1 for a perfect fit, else 0).
 */
public record Metrics(int count, double meanAbsoluteError, double rootMeanSquaredError, double maxAbsoluteError,
        double rSquared) {

    public static Metrics of(double[] truth, double[] predicted) {
        if (truth == null || predicted == null || truth.length != predicted.length || truth.length == 0) {
            throw new IllegalArgumentException("metrics need equally long, non-empty arrays of true and predicted"
                    + " values, got " + (truth == null ? "null" : truth.length) + " and "
                    + (predicted == null ? "null" : predicted.length));
        }
        int n = truth.length;
        double mean = 0;
        for (double y : truth) {
            mean += y;
        }
        mean /= n;
        double absolute = 0;
        double squared = 0;
        double largest = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double error = truth[i] - predicted[i];
            absolute += Math.abs(error);
            squared += error * error;
            largest = Math.max(largest, Math.abs(error));
            total += (truth[i] - mean) * (truth[i] - mean);
        }
        double r2 = total > 0 ? 1 - squared / total : (squared == 0 ? 1.0 : 0.0);
        return new Metrics(n, absolute / n, Math.sqrt(squared / n), largest, r2);
    }

    /** The error measure a hyperparameter search minimizes. */
    public enum Criterion {
        MAE, RMSE;

        public double of(Metrics metrics) {
            return this == MAE ? metrics.meanAbsoluteError() : metrics.rootMeanSquaredError();
        }
    }
}
