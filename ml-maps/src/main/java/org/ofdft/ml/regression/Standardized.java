package org.ofdft.ml.regression;

/**
 * Standardization as an explicit step before a learner: the feature standardizer (and, if asked, the target
 * scaler) is fitted on the training set only, the inner learner sees standardized data, and the returned
 * {@link StandardizedRegressor} carries both transformations so that they are saved with the model.
 */
public record Standardized(Learner inner, boolean scaleTargets) implements Learner {

    public Standardized {
        if (inner == null) {
            throw new IllegalArgumentException("inner learner must not be null");
        }
    }

    @Override
    public StandardizedRegressor fit(double[][] features, double[] targets) {
        InputChecks.requireTrainingData(features, targets);
        Standardizer standardizer = Standardizer.fit(features);
        TargetScaler targetScaler = scaleTargets ? TargetScaler.fit(targets) : TargetScaler.identity();
        Regressor model = inner.fit(standardizer.transform(features), targetScaler.transform(targets));
        return new StandardizedRegressor(standardizer, targetScaler, model);
    }
}
