package org.ofdft.ml.regression;

import java.util.function.Supplier;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * The Cholesky factor A = L Lᵀ of a symmetric positive definite matrix (EJML), refusing matrices that are
 * singular to working precision: a pivot L_ii² below n·ε·max_k A_kk means A has a (numerically) zero
 * eigenvalue and any solve would return noise (Golub & Van Loan, 4th ed., §4.2.8).
 */
final class CholeskyFactor {

    private final int n;
    private final double[] lower;

    /**
     * @param matrix A, n × n row-major; overwritten
     * @param failure the message of the exception thrown for a singular or indefinite A
     */
    CholeskyFactor(double[] matrix, int n, Supplier<String> failure) {
        this.n = n;
        double largestDiagonal = 0;
        for (int i = 0; i < n; i++) {
            largestDiagonal = Math.max(largestDiagonal, Math.abs(matrix[i * n + i]));
        }
        CholeskyDecomposition_F64<DMatrixRMaj> cholesky = DecompositionFactory_DDRM.chol(n, true);
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, matrix);
        if (!cholesky.decompose(a)) {
            throw new IllegalArgumentException(failure.get());
        }
        lower = cholesky.getT(null).getData();
        double threshold = n * Math.ulp(1.0) * largestDiagonal;
        for (int i = 0; i < n; i++) {
            double pivot = lower[i * n + i];
            if (!(pivot * pivot > threshold) || !Double.isFinite(pivot)) {
                throw new IllegalArgumentException(failure.get());
            }
        }
    }

    int size() {
        return n;
    }

    /** L, row-major (not copied: callers must not modify). */
    double[] lower() {
        return lower;
    }

    /** Solves A x = b in place. */
    void solveInPlace(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
        TriangularSolver_DDRM.solveTranL(lower, b, n);
    }

    /** Solves L v = b in place (forward substitution). */
    void solveLowerInPlace(double[] b) {
        TriangularSolver_DDRM.solveL(lower, b, n);
    }

    /** log det A = 2 Σ log L_ii. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower[i * n + i]);
        }
        return 2 * sum;
    }

    /** A⁻¹ = L⁻ᵀ L⁻¹ (n × n row-major, a new array): L⁻¹ by triangular inversion, then the product row by row. */
    double[] inverse() {
        double[] inverseLower = new double[n * n];
        TriangularSolver_DDRM.invertLower(lower, inverseLower, n);
        double[] inverse = new double[n * n];
        // (A⁻¹)_ij = Σ_{k ≥ max(i,j)} (L⁻¹)_ki (L⁻¹)_kj: accumulate row k's outer product into the upper triangle.
        for (int k = 0; k < n; k++) {
            int rowK = k * n;
            for (int i = 0; i <= k; i++) {
                double a = inverseLower[rowK + i];
                if (a == 0) {
                    continue;
                }
                int rowI = i * n;
                for (int j = i; j <= k; j++) {
                    inverse[rowI + j] += a * inverseLower[rowK + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                inverse[i * n + j] = inverse[j * n + i];
            }
        }
        return inverse;
    }
}
