package org.ofdft.ml.regression;

/**
 * Target standardization t = (y − μ_y)/s_y with the training mean and population standard deviation
 * (scikit-learn's {@code GaussianProcessRegressor(normalize_y=True)} convention); predictions are mapped back
 * with y = μ_y + s_y t, and predictive variances scale with s_y².
 */
public record TargetScaler(double mean, double scale) {

    public TargetScaler {
        if (!Double.isFinite(mean) || !(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("target scaler needs a finite mean and a positive finite scale, got mean "
                    + mean + ", scale " + scale);
        }
    }

    public static TargetScaler identity() {
        return new TargetScaler(0.0, 1.0);
    }

    /** Mean and population standard deviation of the targets (scale 1 if they are all equal). */
    public static TargetScaler fit(double[] targets) {
        if (targets == null || targets.length == 0) {
            throw new IllegalArgumentException("targets are empty");
        }
        double mean = 0;
        for (double y : targets) {
            mean += y;
        }
        mean /= targets.length;
        double variance = 0;
        for (double y : targets) {
            variance += (y - mean) * (y - mean);
        }
        double s = Math.sqrt(variance / targets.length);
        return new TargetScaler(mean, s > 0 ? s : 1.0);
    }

    public double transform(double y) {
        return (y - mean) / scale;
    }

    public double[] transform(double[] ys) {
        double[] out = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            out[i] = transform(ys[i]);
        }
        return out;
    }

    public double inverse(double t) {
        return mean + scale * t;
    }
}
