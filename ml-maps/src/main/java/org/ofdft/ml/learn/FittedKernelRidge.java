package org.ofdft.ml.learn;

import java.util.stream.IntStream;
import org.ofdft.ml.regression.DenseCholesky;
import org.ofdft.ml.regression.DistanceKernel;

/**
 * Kernel ridge regression on samples addressed by their index in a {@link PairwiseDistances} matrix:
 * <pre>
 *   f(x) = ȳ + Σ_j α_j k(x, x_j),     α = (K + λI)⁻¹ (y − ȳ),     K_ij = k(x_i, x_j)
 * </pre>
 * over the training samples x_j (Rupp et al., PRL 108, 058301 (2012), eq. 3, with the targets taken
 * relative to their training mean ȳ so that far from the data the model predicts the mean rather than
 * zero; ȳ = 0 without centring, which is scikit-learn's {@code KernelRidge}).
 *
 * @param kernel           the kernel with its width σ
 * @param lambda           the regularization λ
 * @param training         indices of the training samples
 * @param dualCoefficients α, one per training sample
 * @param offset           ȳ (0 when not centred)
 */
public record FittedKernelRidge(DistanceKernel kernel, double lambda, int[] training, double[] dualCoefficients,
                                double offset) {

    /**
     * Fits on {@code training} (indices into {@code distances}; {@code targets} is indexed the same way).
     *
     * @throws IllegalArgumentException if K + λI is not positive definite to working precision
     */
    public static FittedKernelRidge fit(DistanceKernel kernel, double lambda, PairwiseDistances distances,
                                        int[] training, double[] targets, boolean centre, DenseCholesky solver) {
        int n = training.length;
        if (n == 0) {
            throw new IllegalArgumentException("kernel ridge regression needs at least one training sample");
        }
        double offset = centre ? mean(targets, training) : 0.0;
        double[] matrix = new double[n * n];
        fillKernel(kernel, distances, training, training, matrix, true);
        for (int i = 0; i < n; i++) {
            matrix[i * n + i] += lambda;
        }
        if (!solver.factorInPlace(matrix, n)) {
            throw singular(lambda, n, kernel);
        }
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = targets[training[i]] - offset;
        }
        solver.solveInPlace(matrix, n, alpha);
        return new FittedKernelRidge(kernel, lambda, training.clone(), alpha, offset);
    }

    /** Predictions for {@code samples} (indices into the same distance matrix). */
    public double[] predict(PairwiseDistances distances, int[] samples) {
        double[] predictions = new double[samples.length];
        IntStream.range(0, samples.length).parallel().forEach(i -> {
            double sum = offset;
            int row = samples[i] * distances.count();
            double[] values = distances.values();
            for (int j = 0; j < training.length; j++) {
                sum += dualCoefficients[j] * kernel.ofDistance(values[row + training[j]]);
            }
            predictions[i] = sum;
        });
        return predictions;
    }

    /**
     * out[a · columns.length + b] = k(d(rows[a], columns[b])), rows in parallel; with
     * {@code lowerTriangleOnly} (rows = columns) only b ≤ a, all that the Cholesky factorization reads.
     */
    static void fillKernel(DistanceKernel kernel, PairwiseDistances distances, int[] rows, int[] columns,
                           double[] out, boolean lowerTriangleOnly) {
        int m = columns.length;
        double[] values = distances.values();
        int count = distances.count();
        IntStream.range(0, rows.length).parallel().forEach(a -> {
            int source = rows[a] * count;
            int target = a * m;
            int end = lowerTriangleOnly ? a + 1 : m;
            for (int b = 0; b < end; b++) {
                out[target + b] = kernel.ofDistance(values[source + columns[b]]);
            }
        });
    }

    static double mean(double[] targets, int[] samples) {
        double sum = 0;
        for (int i : samples) {
            sum += targets[i];
        }
        return sum / samples.length;
    }

    static IllegalArgumentException singular(double lambda, int n, DistanceKernel kernel) {
        return new IllegalArgumentException("kernel matrix K + λI (" + n + " × " + n + ", " + kernel + ", λ = "
                + lambda + ") is not positive definite to working precision (duplicate training inputs or a kernel"
                + " width far too large); use a larger λ");
    }
}
