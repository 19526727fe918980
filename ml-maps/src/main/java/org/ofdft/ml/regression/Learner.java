package org.ofdft.ml.regression;

/**
 * A regression method with fixed hyperparameters (scikit-learn's unfitted estimator): fitting it to a
 * training set returns an immutable {@link Regressor}. Cross-validation and learning curves work on this.
 */
@FunctionalInterface
public interface Learner {

    /** Fits the model to rows {@code features[i]} with targets {@code targets[i]}. */
    Regressor fit(double[][] features, double[] targets);
}
