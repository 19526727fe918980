package org.ofdft.ml.regression;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dsytrd;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.hessenberg.TridiagonalDecompositionHouseholder_DDRM;

/**
 * Kernel ridge solutions for many λ from one factorization of the kernel matrix. K is reduced once to
 * tridiagonal form K = Q T Qᵀ (Householder, EJML; the first stage of a symmetric eigendecomposition, at a
 * third of its cost); then for every λ, α(λ) = Q (T + λI)⁻¹ Qᵀ y costs one O(n) tridiagonal solve and one
 * O(n²) product with Q. This is the eigendecomposition trick α = U (Λ + λ)⁻¹ Uᵀ y without the QR sweeps
 * for the eigenvalues, and it is backward stable like the Cholesky solve (T + λI is symmetric positive
 * definite for a positive semidefinite K and λ > 0; Golub & Van Loan, Matrix Computations, 4th ed., §8.3
 * and §4.3.6).
 */
public final class KernelRidgePath {

    private final int n;
    /** Householder vectors as EJML stores them: reflector k (1 ≤ k < n) in row k − 1, entries k+1 … n−1. */
    private final double[] reflectors;
    private final double[] gammas;
    private final double[] diagonal;
    private final double[] offDiagonal;
    /** Qᵀy for each target vector. */
    private final double[][] projectedTargets;

    /** From K (n × n row-major, symmetric; not modified) and the targets y. */
    public KernelRidgePath(double[] kernelMatrix, double[] targets) {
        this(kernelMatrix, new double[][] {targets}, false);
    }

    /** As {@link #KernelRidgePath(double[], double[][], boolean)} for one target vector. */
    public KernelRidgePath(double[] kernelMatrix, double[] targets, boolean mayOverwrite) {
        this(kernelMatrix, new double[][] {targets}, mayOverwrite);
    }

    /**
     * One reduction for several target vectors on the same inputs (multi-output regression, e.g. the
     * coefficients of a density).
     *
     * @param kernelMatrix K, n × n row-major and symmetric; overwritten if {@code mayOverwrite} (saves a copy
     *     of n² values in grid searches)
     * @param targetSets target vectors y_t, each of length n
     */
    public KernelRidgePath(double[] kernelMatrix, double[][] targetSets, boolean mayOverwrite) {
        this(kernelMatrix, targetSets, mayOverwrite, true);
    }

    /** As {@link #KernelRidgePath(double[], double[][], boolean)}; {@code useLapack = false} forces EJML (tests). */
    KernelRidgePath(double[] kernelMatrix, double[][] targetSets, boolean mayOverwrite, boolean useLapack) {
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
        double[] work = mayOverwrite ? kernelMatrix : kernelMatrix.clone();
        diagonal = new double[n];
        offDiagonal = new double[Math.max(n - 1, 1)];
        gammas = new double[n];
        if (useLapack && OpenBlasCholesky.instance() != null) {
            // column-major 'L' of the symmetric K: reflector i (0-based) in column i below the subdiagonal,
            // i.e. row i of the row-major array from entry i + 2 on, the layout EJML uses for its reflector i + 1
            double[] tau = new double[Math.max(n - 1, 1)];
            int info = LAPACKE_dsytrd(LAPACK_COL_MAJOR, (byte) 'L', n, work, n, diagonal, offDiagonal, tau);
            if (info != 0 || !allFinite(diagonal) || !allFinite(offDiagonal)) {
                throw reductionFailed(n);
            }
            System.arraycopy(tau, 0, gammas, 1, n - 1);
            reflectors = work;
        } else {
            Reduction reduction = new Reduction();
            if (!reduction.decompose(DMatrixRMaj.wrap(n, n, work))) {
                throw reductionFailed(n);
            }
            reduction.getDiagonal(diagonal, offDiagonal);
            reflectors = reduction.getQT().getData();
            System.arraycopy(reduction.gammas(), 0, gammas, 0, n);
        }
        projectedTargets = new double[targetSets.length][];
        for (int t = 0; t < targetSets.length; t++) {
            projectedTargets[t] = targetSets[t].clone();
            applyTransposedQ(projectedTargets[t]);
        }
    }

    private static IllegalArgumentException reductionFailed(int n) {
        return new IllegalArgumentException("tridiagonal reduction of the " + n + " × " + n
                + " kernel matrix failed (non-finite entries?)");
    }

    private static boolean allFinite(double[] values) {
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A kernel ridge model fitted by this path's solve at one λ: the way to fit at the tiny λ that
     * noise-free targets call for, where a Cholesky factorization of K + λI fails.
     */
    public static KernelRidgeModel fit(Kernel kernel, double[][] features, double[] targets, double lambda) {
        int d = InputChecks.requireTrainingData(features, targets);
        double[] rows = InputChecks.flatten(features);
        double[] kernelMatrix = kernel.matrix(rows, targets.length, rows, targets.length, d);
        double[] alpha = new KernelRidgePath(kernelMatrix, new double[][] {targets}, true).dualCoefficients(lambda);
        return new KernelRidgeModel(kernel, lambda, rows, d, alpha);
    }

    /**
     * EJML's Householder tridiagonalization with its reflectors kept: Q = H_1 H_2 ⋯ H_{n−1},
     * H_k = I − γ_k u_k u_kᵀ with u_k = (0, …, 0, 1, v_{k+1}, …, v_{n−1}). Applying the reflectors costs
     * the same as a product with an explicit Q, so forming Q (about as long as the reduction) is skipped.
     */
    private static final class Reduction extends TridiagonalDecompositionHouseholder_DDRM {
        double[] gammas() {
            return gammas;
        }
    }

    /** x ← Qᵀx = H_{n−1} ⋯ H_1 x. */
    private void applyTransposedQ(double[] x) {
        for (int k = 1; k < n; k++) {
            applyReflector(k, x);
        }
    }

    /** x ← Q x = H_1 ⋯ H_{n−1} x. */
    private void applyQ(double[] x) {
        for (int k = n - 1; k >= 1; k--) {
            applyReflector(k, x);
        }
    }

    private void applyReflector(int k, double[] x) {
        double gamma = gammas[k];
        if (gamma == 0) {
            return;
        }
        int row = (k - 1) * n;
        double projection = x[k];
        for (int i = k + 1; i < n; i++) {
            projection += reflectors[row + i] * x[i];
        }
        double scaled = gamma * projection;
        x[k] -= scaled;
        for (int i = k + 1; i < n; i++) {
            x[i] -= scaled * reflectors[row + i];
        }
    }

    public int sampleCount() {
        return n;
    }

    /** The number of target vectors. */
    public int targetCount() {
        return projectedTargets.length;
    }

    /**
     * Writes α(λ) = (K + λI)⁻¹ y into {@code alpha} (length n), using {@code scratch} (length n); no
     * allocation, so a grid search can sweep λ with two reused buffers.
     */
    public void dualCoefficients(double lambda, double[] alpha, double[] scratch) {
        dualCoefficients(0, lambda, alpha, scratch);
    }

    /** As {@link #dualCoefficients(double, double[], double[])} for target vector {@code target}. */
    public void dualCoefficients(int target, double lambda, double[] alpha, double[] scratch) {
        rotatedDualCoefficients(target, lambda, alpha, scratch);
        applyQ(alpha); // α = Q z
    }

    /**
     * z = (T + λI)⁻¹ Qᵀy of target vector {@code target}, so that α = Q z: predictions K_* α equal
     * (K_* Q) z, which costs O(n) per test row once {@link #rotate K_* Q} is formed — the cheap way to score
     * many outputs and many λ. {@code scratch} (length n) is overwritten.
     */
    public void rotatedDualCoefficients(int target, double lambda, double[] z, double[] scratch) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("λ must be positive and finite, got " + lambda);
        }
        double[] projected = projectedTargets[target];
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

    /** K_* Q for a rows × n row-major cross-kernel block K_*: row r is (Qᵀ k_r)ᵀ (a new array). */
    public double[] rotate(double[] crossKernel, int rows) {
        double[] rotated = new double[rows * n];
        double[] row = new double[n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(crossKernel, r * n, row, 0, n);
            applyTransposedQ(row);
            System.arraycopy(row, 0, rotated, r * n, n);
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
