package org.ofdft.ml.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.TridiagonalSimilarDecomposition_F64;

/**
 * Kernel ridge solutions for many λ from one factorization of the kernel matrix. K is reduced once to
 * tridiagonal form K = Q T Qᵀ (Householder; the first stage of a symmetric eigendecomposition, at about a
 * third of its cost); then for every λ, α(λ) = Q (T + λI)⁻¹ Qᵀ y costs one O(n) tridiagonal solve and one
 * O(n²) product with Q. This is the eigendecomposition trick α = U (Λ + λ)⁻¹ Uᵀ y without the QR sweeps
 * for the eigenvalues, and it is backward stable like the Cholesky solve (T + λI is symmetric positive
 * definite for a positive semidefinite K and λ > 0; Golub & Van Loan, Matrix Computations, 4th ed., §8.3
 * and §4.3.6).
 */
public final class KernelRidgePath {

    private final int n;
    private final double[] q;
    private final double[] diagonal;
    private final double[] offDiagonal;
    /** Qᵀy for each target vector. */
    private final double[][] projectedTargets;

    /**
     * @param kernelMatrix K, n × n row-major and symmetric; not modified
     * @param targets y, length n
     */
    public KernelRidgePath(double[] kernelMatrix, double[] targets) {
        this(kernelMatrix, new double[][] {targets});
    }

    /**
     * One reduction for several target vectors on the same inputs (multi-output regression, e.g. the
     * coefficients of a density): {@code targetSets[t]} has length n.
     */
    public KernelRidgePath(double[] kernelMatrix, double[][] targetSets) {
        this.n = targetSets[0].length;
        for (int t = 1; t < targetSets.length; t++) {
            if (targetSets[t].length != n) {
                throw new IllegalArgumentException("target set " + t + " has " + targetSets[t].length
                        + " values, the first has " + n);
            }
        }
        if (kernelMatrix.length != n * n) {
            throw new IllegalArgumentException("kernel matrix has " + kernelMatrix.length + " entries, expected " + n
                    + " × " + n + " for " + n + " targets");
        }
        TridiagonalSimilarDecomposition_F64<DMatrixRMaj> reduction = DecompositionFactory_DDRM.tridiagonal(n);
        DMatrixRMaj work = DMatrixRMaj.wrap(n, n, kernelMatrix.clone());
        if (!reduction.decompose(work)) {
            throw new IllegalArgumentException("tridiagonal reduction of the " + n + " × " + n
                    + " kernel matrix failed (non-finite entries?)");
        }
        diagonal = new double[n];
        offDiagonal = new double[Math.max(n - 1, 1)];
        reduction.getDiagonal(diagonal, offDiagonal);
        q = reduction.getQ(null, false).getData();
        projectedTargets = new double[targetSets.length][n];
        // Qᵀy, row by row of Q for contiguous access.
        for (int t = 0; t < targetSets.length; t++) {
            double[] projected = projectedTargets[t];
            for (int i = 0; i < n; i++) {
                double yi = targetSets[t][i];
                int row = i * n;
                for (int k = 0; k < n; k++) {
                    projected[k] += q[row + k] * yi;
                }
            }
        }
    }

    /**
     * A kernel ridge model fitted by this path's solve at one λ: the way to fit at the tiny λ that
     * noise-free targets call for, where a Cholesky factorization of K + λI fails.
     */
    public static KernelRidgeModel fit(Kernel kernel, double[][] features, double[] targets, double lambda) {
        int d = InputChecks.requireTrainingData(features, targets);
        double[] rows = InputChecks.flatten(features);
        double[] kernelMatrix = kernel.matrix(rows, targets.length, rows, targets.length, d);
        double[] alpha = new KernelRidgePath(kernelMatrix, targets).dualCoefficients(lambda);
        return new KernelRidgeModel(kernel, lambda, rows, d, alpha);
    }

    public int sampleCount() {
        return n;
    }

    /**
     * Writes α(λ) = (K + λI)⁻¹ y into {@code alpha} (length n), using {@code scratch} (length n); no
     * allocation, so a grid search can sweep λ with two reused buffers.
     */
    public void dualCoefficients(double lambda, double[] alpha, double[] scratch) {
        dualCoefficients(0, lambda, alpha, scratch);
    }

    /** The number of target vectors. */
    public int targetCount() {
        return projectedTargets.length;
    }

    /** As {@link #dualCoefficients(double, double[], double[])} for target vector {@code target}. */
    public void dualCoefficients(int target, double lambda, double[] alpha, double[] scratch) {
        rotatedDualCoefficients(target, lambda, scratch, alpha);
        // α = Q z
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * n;
            for (int k = 0; k < n; k++) {
                sum += q[row + k] * scratch[k];
            }
            alpha[i] = sum;
        }
    }

    /**
     * z = (T + λI)⁻¹ Qᵀy of target vector {@code target}, so that α = Q z: predictions K_* α equal
     * (K_* Q) z, which costs O(n) per test row once {@link #rotate K_* Q} is formed — the cheap way to score
     * many outputs and many λ. {@code scratch} (length n) is overwritten.
     */
    public void rotatedDualCoefficients(int target, double lambda, double[] z, double[] scratch) {
        double[] projected = projectedTargets[target];
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("λ must be positive and finite, got " + lambda);
        }
        // LDLᵀ (Thomas) solve of (T + λI) z = Qᵀy with the pivots d_k in scratch.
        double[] pivots = scratch;
        pivots[0] = checkPivot(diagonal[0] + lambda, lambda);
        z[0] = projected[0];
        for (int k = 1; k < n; k++) {
            double multiplier = offDiagonal[k - 1] / pivots[k - 1];
            pivots[k] = checkPivot(diagonal[k] + lambda - multiplier * offDiagonal[k - 1], lambda);
            z[k] = projected[k] - multiplier * z[k - 1];
        }
        z[n - 1] /= pivots[n - 1];
        for (int k = n - 2; k >= 0; k--) {
            z[k] = z[k] / pivots[k] - offDiagonal[k] / pivots[k] * z[k + 1];
        }
    }

    /** K_* Q for a rows × n row-major cross-kernel block K_* (a new rows × n array). */
    public double[] rotate(double[] crossKernel, int rows) {
        double[] rotated = new double[rows * n];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < n; i++) {
                double k = crossKernel[r * n + i];
                if (k == 0) {
                    continue;
                }
                int qRow = i * n;
                int out = r * n;
                for (int c = 0; c < n; c++) {
                    rotated[out + c] += k * q[qRow + c];
                }
            }
        }
        return rotated;
    }

    /** α(λ) as a new array. */
    public double[] dualCoefficients(double lambda) {
        double[] alpha = new double[n];
        dualCoefficients(lambda, alpha, new double[n]);
        return alpha;
    }

    private double checkPivot(double pivot, double lambda) {
        if (!(pivot > 0) || !Double.isFinite(pivot)) {
            throw KernelRidgeRegression.singular(lambda, n);
        }
        return pivot;
    }
}
