package org.ofdft.ml.regression;

import java.util.function.Supplier;

/**
 * The Cholesky factor A = L Lᵀ of a symmetric positive definite matrix ({@link DenseCholesky#fastest()}:
 * LAPACK through OpenBLAS, or EJML), refusing matrices that are singular to working precision: a pivot
 * L_ii² below n·ε·max_k A_kk means A has a (numerically) zero eigenvalue and any solve would return noise
 * (Golub & Van Loan, 4th ed., §4.2.8).
 */
final class CholeskyFactor {

    private final int n;
    private final DenseCholesky backend;
    private final double[] lower;

    /**
     * @param matrix A, n × n row-major (only the lower triangle is read); overwritten by the factor
     * @param failure the message of the exception thrown for a singular or indefinite A
     */
    CholeskyFactor(double[] matrix, int n, Supplier<String> failure) {
        this.n = n;
        this.backend = DenseCholesky.fastest();
        if (!backend.factorInPlace(matrix, n)) {
            throw new IllegalArgumentException(failure.get());
        }
        this.lower = matrix;
    }

    /** L in the lower triangle, row-major (not copied: callers must not modify; the upper triangle is undefined). */
    double[] lower() {
        return lower;
    }

    /**
     * Solves A x = b in place by the two triangular solves in Java (O(n²)): both backends leave L in the
     * row-major lower triangle, and a native solve would copy the n² factor to native memory each call.
     */
    void solveInPlace(double[] b) {
        DenseCholesky.pureJava().solveInPlace(lower, n, b);
    }

    /** log det A = 2 Σ log L_ii. */
    double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.log(lower[i * n + i]);
        }
        return 2 * sum;
    }

    /** A⁻¹ (n × n row-major, both triangles), a new array; the factor is kept. */
    double[] inverse() {
        double[] inverse = lower.clone();
        backend.invertInPlace(inverse, n);
        return inverse;
    }
}
