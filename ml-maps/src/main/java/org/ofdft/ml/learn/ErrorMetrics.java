package org.ofdft.ml.learn;

/**
 * Errors of predictions against reference values, in the unit of the values:
 * MAE = Σ|p − y|/n, RMSE = √(Σ(p − y)²/n), max = max|p − y|, and the coefficient of determination
 * R² = 1 − Σ(p − y)²/Σ(y − ȳ)² (scikit-learn's {@code r2_score}; 1 for a perfect model, 0 for the mean
 * of the references, negative for worse).
 */
public record ErrorMetrics(int count, double meanAbsoluteError, double rootMeanSquareError,
                           double maxAbsoluteError, double coefficientOfDetermination) {

    /** The metrics of {@code predicted} against {@code reference} (same length, at least one value). */
    public static ErrorMetrics of(double[] predicted, double[] reference) {
        if (predicted.length != reference.length || reference.length == 0) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + reference.length
                    + " reference values; need the same non-zero number");
        }
        int n = reference.length;
        double mean = 0;
        for (double y : reference) {
            mean += y;
        }
        mean /= n;
        double absolute = 0;
        double squared = 0;
        double largest = 0;
        double variation = 0;
        for (int i = 0; i < n; i++) {
            double error = predicted[i] - reference[i];
            absolute += Math.abs(error);
            squared += error * error;
            largest = Math.max(largest, Math.abs(error));
            variation += (reference[i] - mean) * (reference[i] - mean);
        }
        // R² of constant references is undefined; scikit-learn returns 1 for exact and 0 otherwise
        double r2 = variation > 0 ? 1 - squared / variation : (squared == 0 ? 1.0 : 0.0);
        return new ErrorMetrics(n, absolute / n, Math.sqrt(squared / n), largest, r2);
    }
}
