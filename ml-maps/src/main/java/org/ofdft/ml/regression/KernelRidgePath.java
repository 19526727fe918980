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
    private final double[] projectedTargets;

    /**
     * @param kernelMatrix K, n × n row-major and symmetric; not modified
     * @param targets y, length n
     */
    public KernelRidgePath(double[] kernelMatrix, double[] targets) {
        this.n = targets.length;
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
        projectedTargets = new double[n];
        // Qᵀy, row by row of Q for contiguous access.
        for (int i = 0; i < n; i++) {
            double yi = targets[i];
            int row = i * n;
            for (int k = 0; k < n; k++) {
                projectedTargets[k] += q[row + k] * yi;
            }
        }
    }

    public int sampleCount() {
        return n;
    }

    /**
     * Writes α(λ) = (K + λI)⁻¹ y into {@code alpha} (length n), using {@code scratch} (length n); no
     * allocation, so a grid search can sweep λ with two reused buffers.
     */
    public void dualCoefficients(double lambda, double[] alpha, double[] scratch) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("λ must be positive and finite, got " + lambda);
        }
        // LDLᵀ (Thomas) solve of (T + λI) z = Qᵀy; the pivots d_k are kept in alpha until z is complete.
        double[] pivots = alpha;
        double[] z = scratch;
        pivots[0] = checkPivot(diagonal[0] + lambda, lambda);
        z[0] = projectedTargets[0];
        for (int k = 1; k < n; k++) {
            double multiplier = offDiagonal[k - 1] / pivots[k - 1];
            pivots[k] = checkPivot(diagonal[k] + lambda - multiplier * offDiagonal[k - 1], lambda);
            z[k] = projectedTargets[k] - multiplier * z[k - 1];
        }
        z[n - 1] /= pivots[n - 1];
        for (int k = n - 2; k >= 0; k--) {
            z[k] = z[k] / pivots[k] - offDiagonal[k] / pivots[k] * z[k + 1];
        }
        // α = Q z
        for (int i = 0; i < n; i++) {
            double sum = 0;
            int row = i * n;
            for (int k = 0; k < n; k++) {
                sum += q[row + k] * z[k];
            }
            alpha[i] = sum;
        }
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
