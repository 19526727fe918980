package org.ofdft.ml.regression;

/**
 * Feature standardization z_i = (x_i − μ_i)/s_i with the training-set mean μ_i and population standard
 * deviation s_i (scikit-learn's {@code StandardScaler}: ddof = 0, and s_i = 1 for a constant feature so that
 * it maps to zero instead of dividing by zero). Fitted once on the training inputs and stored with the model,
 * so that predictions see exactly the transformation the model was trained under.
 */
public record Standardizer(double[] mean, double[] scale) {

    public Standardizer {
        if (mean == null || scale == null || mean.length != scale.length || mean.length == 0) {
            throw new IllegalArgumentException("standardizer needs equally long, non-empty mean and scale arrays");
        }
        mean = mean.clone();
        scale = scale.clone();
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0) || !Double.isFinite(scale[j]) || !Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("standardizer feature " + j + ": mean " + mean[j] + ", scale "
                        + scale[j] + "; the scale must be positive and both finite");
            }
        }
    }

    /** Column means and population standard deviations of the training inputs. */
    public static Standardizer fit(double[][] features) {
        int d = InputChecks.requireFeatures(features, "features");
        int n = features.length;
        double[] mean = new double[d];
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] variance = new double[d];
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                double deviation = row[j] - mean[j];
                variance[j] += deviation * deviation;
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(variance[j] / n);
            // Constant column (up to rounding of its mean): leave it unscaled, as StandardScaler does.
            scale[j] = s > 10 * Math.ulp(Math.abs(mean[j])) && s > 0 ? s : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** The identity transformation for d features. */
    public static Standardizer identity(int featureCount) {
        double[] ones = new double[featureCount];
        java.util.Arrays.fill(ones, 1.0);
        return new Standardizer(new double[featureCount], ones);
    }

    public int featureCount() {
        return mean.length;
    }

    /** Writes the standardized x into {@code out} (may be x itself); no allocation. */
    public void transform(double[] x, double[] out) {
        for (int j = 0; j < mean.length; j++) {
            out[j] = (x[j] - mean[j]) / scale[j];
        }
    }

    /** The standardized rows (new arrays). */
    public double[][] transform(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            InputChecks.requireInput(rows[i], mean.length);
            out[i] = new double[mean.length];
            transform(rows[i], out[i]);
        }
        return out;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Standardizer s && java.util.Arrays.equals(mean, s.mean)
                && java.util.Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(mean) + java.util.Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Standardizer[" + mean.length + " features]";
    }
}
