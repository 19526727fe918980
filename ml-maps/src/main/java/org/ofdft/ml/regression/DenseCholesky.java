package org.ofdft.ml.regression;

/**
 * Cholesky factorization A = L Lᵀ of a symmetric positive definite matrix held row-major in a
 * {@code double[]}, and solves with the factor, in place. Two backends: LAPACK {@code dpotrf}/{@code dpotrs}
 * from OpenBLAS (through the JavaCPP presets; blocked and multi-threaded, the routines that NumPy/SciPy and
 * so scikit-learn's {@code KernelRidge} call) and EJML's pure-Java Cholesky, used when the native library
 * cannot be loaded. Both refuse a matrix that is singular to working precision by the criterion of the
 * regression package: a pivot with L_ii² ≤ n·ε·max_k A_kk (Golub &amp; Van Loan, 4th ed., §4.2.8).
 */
public sealed interface DenseCholesky permits OpenBlasCholesky, EjmlCholesky {

    /** A short name for reports. */
    String name();

    /**
     * Overwrites the lower triangle of A (n × n, row-major; only the lower triangle is read) with L;
     * entries above the diagonal are left undefined.
     *
     * @return false if A is not positive definite to working precision (a's content is then undefined)
     */
    boolean factorInPlace(double[] a, int n);

    /** Solves A x = b in place, with {@code factor} from {@link #factorInPlace}. */
    void solveInPlace(double[] factor, int n, double[] b);

    /**
     * Overwrites {@code factor} (from {@link #factorInPlace}) with A⁻¹ = L⁻ᵀ L⁻¹, both triangles filled
     * (LAPACK {@code dpotri}: n³ flops after the factorization's n³/3).
     */
    void invertInPlace(double[] factor, int n);

    /** Mirrors the lower triangle of an n × n row-major matrix into its upper triangle. */
    static void mirrorLowerTriangle(double[] a, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
    }

    /** LAPACK through OpenBLAS when its native library loads, otherwise EJML. */
    static DenseCholesky fastest() {
        DenseCholesky lapack = OpenBlasCholesky.instance();
        return lapack != null ? lapack : pureJava();
    }

    /** EJML (pure Java). */
    static DenseCholesky pureJava() {
        return EjmlCholesky.INSTANCE;
    }

    /** max_k |A_kk| of an n × n row-major matrix (taken before factoring, for the singularity test). */
    static double largestDiagonal(double[] a, int n) {
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.abs(a[i * n + i]));
        }
        return largest;
    }

    /** Whether every pivot of a factor L passes L_ii² > n·ε·max_k A_kk. */
    static boolean pivotsAboveRoundoff(double[] factor, int n, double largestDiagonal) {
        double threshold = n * Math.ulp(1.0) * largestDiagonal;
        for (int i = 0; i < n; i++) {
            double pivot = factor[i * n + i];
            if (!(pivot * pivot > threshold) || !Double.isFinite(pivot)) {
                return false;
            }
        }
        return true;
    }
}
