package org.ofdft.ml.regression;

/**
 * Kernel ridge regression with several outputs sharing one kernel and λ: f_t(x) = Σ_j A_jt k(x, x_j), with
 * the dual coefficients A = (K + λI)⁻¹ Y of all outputs from one reduction of K ({@link KernelRidgePath}).
 * Immutable.
 */
public final class MultiOutputKernelModel {

    private final Kernel kernel;
    private final double lambda;
    private final int sampleCount;
    private final int featureCount;
    private final int outputCount;
    private final double[] trainingInputs;
    /** A, sampleCount × outputCount row-major. */
    private final double[] dualCoefficients;

    private MultiOutputKernelModel(Kernel kernel, double lambda, double[] trainingInputs, int featureCount,
                                   int outputCount, double[] dualCoefficients) {
        this.kernel = kernel;
        this.lambda = lambda;
        this.featureCount = featureCount;
        this.outputCount = outputCount;
        this.sampleCount = trainingInputs.length / featureCount;
        this.trainingInputs = trainingInputs;
        this.dualCoefficients = dualCoefficients;
    }

    /** Fits every output column of {@code targets} (samples × outputs) at one kernel and λ. */
    public static MultiOutputKernelModel fit(Kernel kernel, double[][] features, double[][] targets, double lambda) {
        int d = InputChecks.requireFeatures(features, "features");
        int outputs = InputChecks.requireFeatures(targets, "targets");
        int n = features.length;
        if (targets.length != n) {
            throw new IllegalArgumentException("features have " + n + " rows but targets " + targets.length);
        }
        double[] rows = InputChecks.flatten(features);
        double[][] columns = new double[outputs][n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < outputs; t++) {
                columns[t][i] = targets[i][t];
            }
        }
        KernelRidgePath path = new KernelRidgePath(kernel.matrix(rows, n, rows, n, d), columns, true);
        double[] dual = new double[n * outputs];
        double[] alpha = new double[n];
        double[] scratch = new double[n];
        for (int t = 0; t < outputs; t++) {
            path.dualCoefficients(t, lambda, alpha, scratch);
            for (int j = 0; j < n; j++) {
                dual[j * outputs + t] = alpha[j];
            }
        }
        return new MultiOutputKernelModel(kernel, lambda, rows, d, outputs, dual);
    }

    /**
     * A model from stored parts (a saved model file): training inputs (samples × features) and dual
     * coefficients (samples × outputs).
     */
    public static MultiOutputKernelModel of(Kernel kernel, double lambda, double[][] trainingInputs,
                                            double[][] dualCoefficients) {
        int d = InputChecks.requireFeatures(trainingInputs, "training inputs");
        int outputs = InputChecks.requireFeatures(dualCoefficients, "dual coefficients");
        if (dualCoefficients.length != trainingInputs.length) {
            throw new IllegalArgumentException(dualCoefficients.length + " rows of dual coefficients for "
                    + trainingInputs.length + " training inputs");
        }
        return new MultiOutputKernelModel(kernel, lambda, InputChecks.flatten(trainingInputs), d, outputs,
                InputChecks.flatten(dualCoefficients));
    }

    /** Training inputs, samples × features (copies). */
    public double[][] trainingInputs() {
        return rows(trainingInputs, featureCount);
    }

    /** Dual coefficients A, samples × outputs (copies). */
    public double[][] dualCoefficients() {
        return rows(dualCoefficients, outputCount);
    }

    private double[][] rows(double[] flat, int width) {
        double[][] rows = new double[sampleCount][];
        for (int j = 0; j < sampleCount; j++) {
            rows[j] = java.util.Arrays.copyOfRange(flat, j * width, (j + 1) * width);
        }
        return rows;
    }

    public Kernel kernel() {
        return kernel;
    }

    public double lambda() {
        return lambda;
    }

    public int featureCount() {
        return featureCount;
    }

    public int outputCount() {
        return outputCount;
    }

    /** All outputs for input x into {@code out} (length outputCount). */
    public void predict(double[] x, double[] out) {
        InputChecks.requireInput(x, featureCount);
        java.util.Arrays.fill(out, 0, outputCount, 0);
        for (int j = 0; j < sampleCount; j++) {
            double k = kernel.value(x, 0, trainingInputs, j * featureCount, featureCount);
            int row = j * outputCount;
            for (int t = 0; t < outputCount; t++) {
                out[t] += k * dualCoefficients[row + t];
            }
        }
    }
}
