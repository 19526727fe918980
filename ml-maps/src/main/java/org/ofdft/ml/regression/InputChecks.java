package org.ofdft.ml.regression;

/**
 * Checks of training and prediction inputs shared by every model: one place that names the offending
 * array, row and column so that a bad data set fails with a message that says where to look.
 */
public final class InputChecks {

    private InputChecks() {
    }

    /**
     * Requires a non-empty rectangular matrix of finite features and a finite target per row.
     *
     * @return the number of features per row
     */
    public static int requireTrainingData(double[][] features, double[] targets) {
        if (features == null || targets == null) {
            throw new IllegalArgumentException("features and targets must not be null");
        }
        if (features.length != targets.length) {
            throw new IllegalArgumentException("features have " + features.length + " rows but targets have "
                    + targets.length + " values; each training sample needs exactly one target");
        }
        int columns = requireFeatures(features, "features");
        for (int i = 0; i < targets.length; i++) {
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("targets[" + i + "] is " + targets[i] + "; targets must be finite");
            }
        }
        return columns;
    }

    /** Requires a non-empty rectangular matrix of finite values; returns its column count. */
    public static int requireFeatures(double[][] features, String name) {
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException(name + " is empty; at least one sample is needed");
        }
        int columns = -1;
        for (int i = 0; i < features.length; i++) {
            double[] row = features[i];
            if (row == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
            if (columns < 0) {
                columns = row.length;
                if (columns == 0) {
                    throw new IllegalArgumentException(name + " has rows of length 0; at least one feature is needed");
                }
            } else if (row.length != columns) {
                throw new IllegalArgumentException(name + "[" + i + "] has " + row.length + " features, row 0 has "
                        + columns + "; all rows must have the same length");
            }
            requireFinite(row, name + "[" + i + "]");
        }
        return columns;
    }

    /** Requires one input vector of the expected length with finite entries. */
    public static void requireInput(double[] x, int featureCount) {
        if (x == null || x.length != featureCount) {
            throw new IllegalArgumentException("input has " + (x == null ? "no" : String.valueOf(x.length))
                    + " features; the model was trained on " + featureCount);
        }
    }

    static void requireFinite(double[] row, String name) {
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new IllegalArgumentException(name + "[" + j + "] is " + row[j]
                        + "; features must be finite (no NaN or infinity)");
            }
        }
    }

    /** The rows copied into one row-major array (n × d), the layout of every hot loop here. */
    public static double[] flatten(double[][] rows) {
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return flat;
    }

    /** Requires a positive finite hyperparameter. */
    public static double requirePositive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    /** Requires a non-negative finite hyperparameter. */
    public static double requireNonNegative(double value, String name) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
        return value;
    }
}
