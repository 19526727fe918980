package org.ofdft.ml.regression;

/**
 * A fitted kernel ridge regression model f(x) = Σ_j α_j k(x, x_j) (Snyder et al., PRL 108, 253002 (2012),
 * eq. 3), with training inputs x_j and dual coefficients α = (K + λI)⁻¹ y. Immutable; prediction and its
 * gradient ∂f/∂x = Σ_j α_j ∂k(x, x_j)/∂x run over the stored rows without allocating.
 */
public final class KernelRidgeModel implements DifferentiableRegressor {

    private final Kernel kernel;
    private final double lambda;
    private final int sampleCount;
    private final int featureCount;
    private final double[] trainingInputs;
    private final double[] dualCoefficients;

    /**
     * @param trainingInputs the training rows x_j, row-major (sampleCount × featureCount); copied
     * @param dualCoefficients α_j, one per training row; copied
     */
    public KernelRidgeModel(Kernel kernel, double lambda, double[] trainingInputs, int featureCount,
            double[] dualCoefficients) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        if (featureCount < 1 || dualCoefficients.length == 0
                || trainingInputs.length != dualCoefficients.length * featureCount) {
            throw new IllegalArgumentException("kernel ridge model: " + trainingInputs.length + " input values do not"
                    + " form " + dualCoefficients.length + " rows of " + featureCount + " features");
        }
        this.kernel = kernel;
        this.lambda = lambda;
        this.sampleCount = dualCoefficients.length;
        this.featureCount = featureCount;
        this.trainingInputs = trainingInputs.clone();
        this.dualCoefficients = dualCoefficients.clone();
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The regularization λ the model was fitted with. */
    public double lambda() {
        return lambda;
    }

    public int sampleCount() {
        return sampleCount;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    /** α_j (a copy). */
    public double[] dualCoefficients() {
        return dualCoefficients.clone();
    }

    /** α_j without copying. */
    public double dualCoefficient(int j) {
        return dualCoefficients[j];
    }

    /** The training inputs, row-major sampleCount × featureCount (a copy). */
    public double[] trainingInputsRowMajor() {
        return trainingInputs.clone();
    }

    /** Training input x_j (a copy). */
    public double[] trainingInput(int j) {
        double[] row = new double[featureCount];
        System.arraycopy(trainingInputs, j * featureCount, row, 0, featureCount);
        return row;
    }

    @Override
    public double predict(double[] x) {
        InputChecks.requireInput(x, featureCount);
        double sum = 0;
        for (int j = 0; j < sampleCount; j++) {
            sum += dualCoefficients[j] * kernel.value(x, 0, trainingInputs, j * featureCount, featureCount);
        }
        return sum;
    }

    @Override
    public double predictWithGradient(double[] x, double[] gradient) {
        InputChecks.requireInput(x, featureCount);
        java.util.Arrays.fill(gradient, 0, featureCount, 0.0);
        double sum = 0;
        for (int j = 0; j < sampleCount; j++) {
            double alpha = dualCoefficients[j];
            sum += alpha * kernel.valueAndAddGradient(x, trainingInputs, j * featureCount, alpha, gradient);
        }
        return sum;
    }

    @Override
    public String toString() {
        return "KernelRidgeModel[" + kernel + ", λ = " + lambda + ", " + sampleCount + " samples × " + featureCount
                + " features]";
    }
}
