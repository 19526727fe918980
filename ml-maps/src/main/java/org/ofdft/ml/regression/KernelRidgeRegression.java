package org.ofdft.ml.regression;

/**
 * Kernel ridge regression: α = (K + λI)⁻¹ y with K_ij = k(x_i, x_j), solved by Cholesky (EJML); no
 * intercept, as scikit-learn's {@code KernelRidge(alpha=λ)}. For many λ at one kernel use
 * {@link KernelRidgePath}, which factorizes K once.
 */
public record KernelRidgeRegression(Kernel kernel, double lambda) implements Learner {

    public KernelRidgeRegression {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        InputChecks.requireNonNegative(lambda, "kernel ridge λ");
    }

    @Override
    public KernelRidgeModel fit(double[][] features, double[] targets) {
        int d = InputChecks.requireTrainingData(features, targets);
        int n = features.length;
        double[] inputs = InputChecks.flatten(features);
        double[] gram = kernel.matrix(inputs, n, inputs, n, d);
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        CholeskyFactor cholesky = new CholeskyFactor(gram, n, () -> singular(lambda, n).getMessage());
        double[] alpha = targets.clone();
        cholesky.solveInPlace(alpha);
        return new KernelRidgeModel(kernel, lambda, inputs, d, alpha);
    }

    static IllegalArgumentException singular(double lambda, int n) {
        return new IllegalArgumentException("kernel matrix K + λI (" + n + " × " + n + ", λ = " + lambda
                + ") is singular or not positive definite to working precision (duplicate training inputs or a"
                + " kernel width far too large); use a larger λ");
    }
}
