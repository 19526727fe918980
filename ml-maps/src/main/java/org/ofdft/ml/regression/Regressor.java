package org.ofdft.ml.regression;

/** A fitted regression model: a scalar prediction for a feature vector. Implementations are immutable. */
public interface Regressor {

    /** Length of the feature vectors the model was trained on. */
    int featureCount();

    /** The prediction for one input; implementations do not allocate per call. */
    double predict(double[] x);

    /** Predictions for many inputs (one per row). */
    default double[] predict(double[][] xs) {
        InputChecks.requireFeatures(xs, "inputs");
        double[] predictions = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            InputChecks.requireInput(xs[i], featureCount());
            predictions[i] = predict(xs[i]);
        }
        return predictions;
    }
}
