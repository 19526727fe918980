package org.ofdft.ml.regression;

/**
 * A model trained on standardized data, predicting in the original units:
 * f(x) = μ_y + s_y g((x − μ)/s). The gradient follows by the chain rule, ∂f/∂x_i = (s_y/s_i) ∂g/∂z_i.
 */
public final class StandardizedRegressor implements DifferentiableRegressor {

    private final Standardizer features;
    private final TargetScaler targets;
    private final Regressor model;
    private final double[] featureScale;
    // Per-thread scratch for the standardized input: predict() must not allocate and the model must stay
    // usable from several threads at once.
    private final ThreadLocal<double[][]> scratch;

    public StandardizedRegressor(Standardizer features, TargetScaler targets, Regressor model) {
        if (features.featureCount() != model.featureCount()) {
            throw new IllegalArgumentException("standardizer has " + features.featureCount()
                    + " features but the model " + model.featureCount());
        }
        this.features = features;
        this.targets = targets;
        this.model = model;
        this.featureScale = features.scale();
        int d = features.featureCount();
        this.scratch = ThreadLocal.withInitial(() -> new double[2][d]);
    }

    public Standardizer featureStandardizer() {
        return features;
    }

    public TargetScaler targetScaler() {
        return targets;
    }

    /** The model acting on standardized inputs and targets. */
    public Regressor model() {
        return model;
    }

    @Override
    public int featureCount() {
        return features.featureCount();
    }

    @Override
    public double predict(double[] x) {
        InputChecks.requireInput(x, featureCount());
        double[] z = scratch.get()[0];
        features.transform(x, z);
        return targets.inverse(model.predict(z));
    }

    @Override
    public double predictWithGradient(double[] x, double[] gradient) {
        if (!(model instanceof DifferentiableRegressor differentiable)) {
            throw new UnsupportedOperationException(model.getClass().getSimpleName() + " has no input gradient");
        }
        InputChecks.requireInput(x, featureCount());
        double[][] buffers = scratch.get();
        double[] z = buffers[0];
        double[] dz = buffers[1];
        features.transform(x, z);
        double value = differentiable.predictWithGradient(z, dz);
        for (int i = 0; i < z.length; i++) {
            gradient[i] = targets.scale() * dz[i] / featureScale[i];
        }
        return targets.inverse(value);
    }
}
